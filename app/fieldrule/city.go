package fieldrule

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of a unit's 领域 (SPEC §8.2: several free words separated by 、)
// and of a row of the term plan (巡察规划).
const (
	MaxSectors    = 16  // words per unit
	MaxSectorText = 32  // characters per word
	MaxPlanRound  = 99  // 计划轮次: 第1轮 … 第99轮
	MaxPlanNote   = 256 // 备注 of a plan row, characters
)

// Sectors reads a 领域 cell or field: words separated by 、 (or ， , ; ；
// and line breaks), each trimmed, blanks dropped, a repeated word kept
// once in its first place. It returns them joined by 、 as they are
// stored, or a Chinese message for a word too long, too many words or a
// character no text may hold.
func Sectors(s string) (string, error) {
	if err := CheckText(s); err != nil {
		return "", err
	}
	words := SplitSectors(s)
	if len(words) > MaxSectors {
		return "", fmt.Errorf("领域最多 %d 个，这里有 %d 个", MaxSectors, len(words))
	}
	for _, w := range words {
		if n := utf8.RuneCountInString(w); n > MaxSectorText {
			return "", fmt.Errorf("领域“%s…”过长（%d 字，最多 %d 字）", string([]rune(w)[:8]), n, MaxSectorText)
		}
	}
	return strings.Join(words, "、"), nil
}

// SplitSectors splits a stored or typed 领域 into its words, as Sectors
// reads them.
func SplitSectors(s string) []string { return SplitWords(s) }

// SplitWords splits a list of words or codes written with 、 (or ， , ;
// ； and line breaks; not /, which a code may hold) into its items, each
// trimmed, blanks dropped, a repeated item kept once in its first place.
func SplitWords(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' || r == '\n' || r == '\t'
	})
	var out []string
	for _, w := range f {
		w = strings.TrimFunc(w, unicode.IsSpace)
		if w == "" || contains(out, w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// Priority reads a 重点等级: A, B or C (lower case and full-width letters
// read as such), "" for none.
func Priority(s string) (string, error) {
	p := strings.ToUpper(Code(s))
	switch p {
	case "", "A", "B", "C":
		return p, nil
	}
	return "", fmt.Errorf("重点等级“%s”无效，应为 A、B、C 或空白", s)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
