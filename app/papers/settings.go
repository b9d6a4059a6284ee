package papers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// SettingsKey is the settings key of the documents' settings.
const SettingsKey = "papers"

// Office is who issues the documents and how the public reaches a team
// (SPEC §12.1: contact details and the issuing body's name are settings).
// An empty name is derived from the term's name (中共清江市第十五届委员会
// gives 中共清江市委, 市委, 清江市).
type Office struct {
	Issuer    string `json:"issuer"`    // 发文机关（中共清江市委巡察工作领导小组）
	Committee string `json:"committee"` // 党委（中共清江市委）
	Short     string `json:"short"`     // 党委简称（市委）
	Office    string `json:"office"`    // 巡察办（中共清江市委巡察工作领导小组办公室）
	Place     string `json:"place"`     // 地名（清江市）
	Upward    string `json:"upward"`    // 上报对象（省委巡视工作领导小组）
	Phone     string `json:"phone"`     // 值班电话
	PostBox   string `json:"postBox"`   // 邮政信箱
	Email     string `json:"email"`     // 电子邮箱
	Hours     string `json:"hours"`     // 受理时间
	Receives  string `json:"receives"`  // 受理范围
}

// DefaultReceives is what a team receives, after the usual 巡察公告.
const DefaultReceives = "反映被巡察单位领导班子及其成员、下一级党组织领导班子主要负责人和重要岗位领导干部问题的来信来电来访，" +
	"重点是违反政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律等方面的问题"

// Settings are the documents' settings: the office, and the templates a
// clerk changed (the others are the defaults).
type Settings struct {
	Office    Office              `json:"office"`
	Templates map[string]Template `json:"templates,omitempty"`
}

// Template returns the template of key: the clerk's, else the default.
func (s Settings) Template(key string) Template {
	if t, ok := s.Templates[key]; ok {
		return t
	}
	return DefaultTemplate(key)
}

// Changed reports whether the template of key is not the default.
func (s Settings) Changed(key string) bool {
	t, ok := s.Templates[key]
	return ok && t != DefaultTemplate(key)
}

// termNameRE reads a term's name: 中共清江市第十五届委员会(任期).
var termNameRE = regexp.MustCompile(`^中共(.+?[省市县区州盟旗])第?[一二三四五六七八九十百\d]*届?委员会(任期)?$`)

// Resolved returns o with the blank names filled: from the term's name
// where it reads as one, else with ×× to fill in by hand; the hours and
// what is received from the defaults.
func (o Office) Resolved(termName string) Office {
	place := ""
	if m := termNameRE.FindStringSubmatch(strings.TrimSpace(termName)); m != nil {
		place = m[1]
	}
	if o.Place == "" {
		o.Place = place
	}
	level := "××"
	if r, _ := utf8.DecodeLastRuneInString(o.Place); o.Place != "" {
		level = string(r)
	}
	if o.Committee == "" {
		if o.Place != "" {
			o.Committee = "中共" + o.Place + "委"
		} else {
			o.Committee = "中共××委"
		}
	}
	if o.Short == "" {
		o.Short = level + "委"
	}
	if o.Issuer == "" {
		o.Issuer = o.Committee + "巡察工作领导小组"
	}
	if o.Office == "" {
		o.Office = o.Committee + "巡察工作领导小组办公室"
	}
	if o.Upward == "" {
		o.Upward = "上级巡察工作领导小组"
	}
	if o.Hours == "" {
		o.Hours = "每天8:00—18:00"
	}
	if o.Receives == "" {
		o.Receives = DefaultReceives
	}
	if o.Place == "" {
		o.Place = "××"
	}
	return o
}

// blank is what an unset contact detail prints as: a line to fill in by
// hand.
const blank = "＿＿＿＿＿＿"

// values are the office's placeholders.
func (o Office) values() map[string]string {
	orBlank := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return blank
		}
		return s
	}
	return map[string]string{
		"发文机关": o.Issuer, "党委": o.Committee, "党委简称": o.Short, "巡察办": o.Office, "地名": o.Place,
		"上报对象": o.Upward, "值班电话": orBlank(o.Phone), "邮政信箱": orBlank(o.PostBox), "电子邮箱": orBlank(o.Email),
		"受理时间": o.Hours, "受理范围": o.Receives,
	}
}

// Check reports the office's fields that are too long or hold line
// breaks.
func (o Office) Check() []string {
	var out []string
	for _, f := range []struct{ name, v string }{
		{"发文机关", o.Issuer}, {"党委", o.Committee}, {"党委简称", o.Short}, {"巡察办", o.Office}, {"地名", o.Place},
		{"上报对象", o.Upward}, {"值班电话", o.Phone}, {"邮政信箱", o.PostBox}, {"电子邮箱", o.Email}, {"受理时间", o.Hours},
		{"受理范围", o.Receives},
	} {
		if n := utf8.RuneCountInString(f.v); n > 500 {
			out = append(out, fmt.Sprintf("%s共%d字，超过500字", f.name, n))
		}
		if strings.ContainsAny(f.v, "\n\r") {
			out = append(out, f.name+"不能换行")
		}
	}
	return out
}

// Check reports every problem of the settings (office and templates) by
// template, and the notes of the templates.
func (s Settings) Check() (problems, notes []string) {
	problems = s.Office.Check()
	for _, k := range TemplateKeys {
		p, n := s.Template(k).Check(k)
		for _, x := range p {
			problems = append(problems, TemplateTitle(k)+"："+x)
		}
		for _, x := range n {
			notes = append(notes, TemplateTitle(k)+"："+x)
		}
	}
	var unknown []string
	for k := range s.Templates {
		if !validKey(k) {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	for _, k := range unknown {
		problems = append(problems, fmt.Sprintf("没有名为“%s”的文书模板", k))
	}
	return problems, notes
}

func validKey(k string) bool {
	for _, x := range TemplateKeys {
		if x == k {
			return true
		}
	}
	return false
}
