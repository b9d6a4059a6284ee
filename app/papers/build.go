package papers

import (
	"fmt"
	"regexp"
	"strings"

	"xuncha/app/civil"
)

// Builder makes documents with one set of settings.
type Builder struct {
	set        Settings
	office     Office
	categories []string // 问题类别 in the settings' order
}

// NewBuilder returns a builder with the settings set, names derived from
// the term's name where the settings leave them blank, and the 问题类别 in
// the order findings are grouped.
func NewBuilder(set Settings, termName string, categories []string) *Builder {
	return &Builder{set: set, office: set.Office.Resolved(termName), categories: categories}
}

// Office is the office as the documents name it.
func (b *Builder) Office() Office { return b.office }

// compose makes a paper from template key: its title, 主送, body and 落款
// with the placeholders vals filled, each table placeholder of the body
// replaced by the blocks of blocks.
func (b *Builder) compose(kind Kind, key, name string, vals map[string]string, blocks map[string][]Block) Paper {
	t := b.set.Template(key)
	all := b.office.values()
	for k, v := range vals {
		all[k] = v
	}
	title := strings.TrimSpace(fill(t.Title, all))
	p := Paper{Kind: kind, Name: fileName(name), Title: title}
	p.Blocks = append(p.Blocks, Block{Kind: BTitle, Text: title})
	if r := strings.TrimSpace(fill(t.Recipient, all)); r != "" {
		p.Blocks = append(p.Blocks, Block{Kind: BRecipient, Text: r})
	}
	p.Blocks = append(p.Blocks, b.body(t.Body, all, blocks)...)
	for _, l := range strings.Split(fill(t.Signature, all), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			p.Blocks = append(p.Blocks, Block{Kind: BSignature, Text: l})
		}
	}
	return p
}

// body turns the body's lines into paragraphs and headings, a table
// placeholder alone on its line into its blocks.
func (b *Builder) body(text string, vals map[string]string, blocks map[string][]Block) []Block {
	var out []Block
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if m := placeholderRE.FindStringSubmatch(line); m != nil && m[0] == line {
			if bs, ok := blocks[m[1]]; ok {
				out = append(out, bs...)
				continue
			}
		}
		if line = strings.TrimSpace(fill(line, vals)); line != "" {
			out = append(out, Block{Kind: lineKind(line), Text: line})
		}
	}
	return out
}

var (
	heading1RE = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	heading2RE = regexp.MustCompile(`^（[一二三四五六七八九十]+）`)
)

// lineKind is a body line's kind: 一、 begins a first-level heading,
// （一） a second-level one.
func lineKind(line string) BlockKind {
	switch {
	case heading1RE.MatchString(line):
		return BHeading1
	case heading2RE.MatchString(line):
		return BHeading2
	}
	return BBody
}

// notes are the lines of a form's notes.
func notes(text string, vals map[string]string) []Block {
	var out []Block
	for _, l := range strings.Split(fill(text, vals), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, Block{Kind: BNote, Text: l})
		}
	}
	return out
}

// Date writes d as official documents do: 2026年3月1日; no date as blanks
// to fill in by hand.
func Date(d civil.Date) string {
	if d.IsZero() {
		return "　　年　　月　　日"
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year(), int(d.Month()), d.Day())
}

// span writes from–to as 2026年3月1日至4月15日 (the year once when both
// fall in it).
func span(from, to civil.Date) string {
	if from.IsZero() || to.IsZero() {
		return Date(from) + "至" + Date(to)
	}
	if from.Year() == to.Year() {
		return Date(from) + "至" + fmt.Sprintf("%d月%d日", int(to.Month()), to.Day())
	}
	return Date(from) + "至" + Date(to)
}

// fileName makes s safe as a file name on Windows: no \ / : * ? " < > |,
// no control characters, no dot or space at the end, at most 120
// characters.
func fileName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || strings.ContainsRune(`\/:*?"<>|`, r) {
			return '_'
		}
		return r
	}, s)
	if rs := []rune(s); len(rs) > 120 {
		s = string(rs[:120])
	}
	s = strings.TrimRight(s, ". ")
	if s == "" {
		return "文书"
	}
	return s
}

// names joins names with 、.
func names(units []Unit) string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.Name
	}
	return strings.Join(out, "、")
}

// pct writes a rate as a percentage with up to two decimals: 85.05%.
func pct(rate float64) string {
	s := strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", rate*100), "0"), ".")
	return s + "%"
}
