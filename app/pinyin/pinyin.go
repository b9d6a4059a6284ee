// Package pinyin gives the pinyin initials of Chinese text (张三 → ZS), so
// that a clerk can find a person or a unit by typing a few letters, as
// office software lets them. The initial of a character is found by where
// it sorts in pinyin order among the first characters of each initial; a
// character with several readings gets the initial of the reading the
// order uses (曾 → C, not the surname's Z).
package pinyin

import (
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// bounds are, in pinyin order, the first character of each initial (the
// index characters of the pinyin collation).
var bounds = []struct {
	letter byte
	first  string
}{
	{'A', "阿"}, {'B', "八"}, {'C', "嚓"}, {'D', "咑"}, {'E', "妸"}, {'F', "发"}, {'G', "旮"}, {'H', "哈"},
	{'J', "丌"}, {'K', "咔"}, {'L', "垃"}, {'M', "妈"}, {'N', "拏"}, {'O', "噢"}, {'P', "妑"}, {'Q', "七"},
	{'R', "呥"}, {'S', "仨"}, {'T', "他"}, {'W', "屲"}, {'X', "夕"}, {'Y', "丫"}, {'Z', "帀"},
}

// Initialer finds initials, remembering each character's. Not safe for use
// by several goroutines at once.
type Initialer struct {
	c     *collate.Collator
	known map[rune]byte
}

// New returns an Initialer.
func New() *Initialer {
	return &Initialer{c: collate.New(language.SimplifiedChinese), known: map[rune]byte{}}
}

// Initials writes each Chinese character of s as its initial (upper case)
// and each ASCII letter or digit as it is (upper-cased); the rest is left
// out: 张三 → ZS, 第2巡察组 → D2XCZ.
func (in *Initialer) Initials(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToUpper(r))
		case unicode.Is(unicode.Han, r):
			if l := in.initial(r); l != 0 {
				b.WriteByte(l)
			}
		}
	}
	return b.String()
}

func (in *Initialer) initial(r rune) byte {
	if l, ok := in.known[r]; ok {
		return l
	}
	s := string(r)
	var l byte
	for _, bd := range bounds {
		if in.c.CompareString(bd.first, s) > 0 {
			break
		}
		l = bd.letter
	}
	in.known[r] = l
	return l
}
