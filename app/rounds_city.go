package app

// The round's properties of Part II (SPEC §8.1): its 巡察类型, 组织方式 and
// 编组方式, its linked rounds (上下联动) and its 巡审联动 requirement.

import (
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"xuncha/app/fieldrule"
	"xuncha/app/vocab"
	"xuncha/model"
)

// checkRoundKinds checks r's three properties and its requirement, and
// writes its lists as they are stored. An 组织方式 word given as 巡察类型
// is moved to 组织方式 (with 巡察类型 常规) unless an 组织方式 is given too.
func (s *Service) checkRoundKinds(r *model.Round) error {
	r.Type, r.Level, r.Mode = strings.TrimSpace(r.Type), strings.TrimSpace(r.Level), strings.TrimSpace(r.Mode)
	if l, ok := vocab.LevelOfKindWord(r.Type); ok && (r.Level == "" || r.Level == l) {
		r.Type, r.Level = vocab.KindRegular, l
	}
	if r.Type != "" && !slices.Contains(vocab.RoundKinds, r.Type) {
		return fmt.Errorf("巡察类型 %q 不存在（应为 %s）", r.Type, strings.Join(vocab.RoundKinds, "、"))
	}
	if r.Level != "" && !slices.Contains(vocab.RoundLevels, r.Level) {
		return fmt.Errorf("组织方式 %q 不存在（应为 %s）", r.Level, strings.Join(vocab.RoundLevels, "、"))
	}
	if r.Mode != "" && !slices.Contains(vocab.Modes, r.Mode) {
		return fmt.Errorf("编组方式 %q 不存在", r.Mode)
	}
	units := codeList(r.JointUnits)
	for _, u := range units {
		if !exists(s.DB, &model.Unit{}, u) {
			return fmt.Errorf("巡审联动要求的单位 %s 不存在", u)
		}
	}
	cats := fieldrule.SplitWords(r.JointCategories)
	for _, c := range cats {
		if !slices.Contains(vocab.Categories, c) {
			return fmt.Errorf("巡审联动要求的单位类别 %q 不存在（应为 %s）", c, strings.Join(vocab.Categories, "、"))
		}
	}
	r.JointUnits, r.JointCategories = strings.Join(units, "、"), strings.Join(ordered(cats, vocab.Categories), "、")
	r.Links = strings.Join(codeList(r.Links), "、")
	return nil
}

// codeList reads a list of codes written with 、 (or , ， ; ；): each as
// fieldrule.Code writes it, once, sorted.
func codeList(s string) []string {
	var out []string
	for _, x := range fieldrule.SplitWords(s) {
		if c := fieldrule.Code(x); c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// ordered returns the words of xs in the order of words.
func ordered(xs, words []string) []string {
	var out []string
	for _, w := range words {
		if slices.Contains(xs, w) {
			out = append(out, w)
		}
	}
	return out
}

// checkLinks checks, in the saving transaction, that r's linked rounds
// exist and are not r itself.
func checkLinks(tx *gorm.DB, r *model.Round) error {
	for _, code := range fieldrule.SplitWords(r.Links) {
		if code == r.Code {
			return fmt.Errorf("联动轮次不能是本轮次 %s", code)
		}
		if !exists(tx, &model.Round{}, code) {
			return fmt.Errorf("联动轮次 %s 不存在", code)
		}
	}
	return nil
}
