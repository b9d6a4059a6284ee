// Package kin is the vocabulary of relations (亲属关系) of SPEC §4.1: the
// canonical words, the synonyms clerks write, and which relations are close
// relatives (近亲属) under the civil-service recusal rules.
package kin

import "strings"

// Other is recorded but never a close relative.
const Other = "其他"

// Spouse is the canonical word for husband or wife.
const Spouse = "配偶"

// relation is one canonical relation and the words that mean it.
type relation struct {
	word     string
	synonyms []string
	close    bool
}

// relations in the order of SPEC §4.1.
var relations = []relation{
	{"配偶", []string{"丈夫", "妻子", "夫妻"}, true},
	{"父母", []string{"父亲", "母亲"}, true},
	{"子女", []string{"儿子", "女儿"}, true},
	{"祖父母", []string{"祖父", "祖母", "爷爷", "奶奶"}, true},
	{"外祖父母", []string{"外祖父", "外祖母", "外公", "外婆"}, true},
	{"孙子女", []string{"孙子", "孙女"}, true},
	{"外孙子女", []string{"外孙", "外孙女"}, true},
	{"兄弟姐妹", []string{"哥哥", "弟弟", "姐姐", "妹妹"}, true},
	{"伯叔姑舅姨", []string{"伯父", "叔父", "姑母", "舅父", "姨母"}, true},
	{"堂兄弟姐妹", nil, true},
	{"表兄弟姐妹", nil, true},
	{"侄子女", []string{"侄子", "侄女"}, true},
	{"甥子女", []string{"外甥", "外甥女"}, true},
	{"配偶的父母", []string{"岳父", "岳母", "公公", "婆婆"}, true},
	{"配偶的兄弟姐妹", nil, true},
	{"配偶的兄弟姐妹的配偶", nil, true},
	{"子女的配偶", []string{"儿媳", "女婿"}, true},
	{"子女的配偶的父母", []string{"亲家"}, true},
	{"旁系血亲的配偶", []string{"嫂子", "弟媳", "姐夫", "妹夫"}, true},
	{Other, nil, false},
}

var byWord = func() map[string]int {
	m := make(map[string]int)
	for i, r := range relations {
		m[r.word] = i
		for _, s := range r.synonyms {
			m[s] = i
		}
	}
	return m
}()

// Canonical returns the canonical word for w (a canonical word or a
// synonym, surrounding spaces ignored) and whether w is accepted at all.
func Canonical(w string) (string, bool) {
	i, ok := byWord[strings.TrimSpace(w)]
	if !ok {
		return "", false
	}
	return relations[i].word, true
}

// IsClose reports whether the canonical relation w makes a close relative
// (近亲属). 其他 and unknown words do not.
func IsClose(w string) bool {
	i, ok := byWord[w]
	return ok && relations[i].close
}

// Words lists the canonical words in the order of SPEC §4.1.
func Words() []string {
	out := make([]string, len(relations))
	for i, r := range relations {
		out[i] = r.word
	}
	return out
}

// Accepted lists every accepted word, canonical words followed by their
// synonyms, for help texts and error messages.
func Accepted() string {
	var b strings.Builder
	for i, r := range relations {
		if i > 0 {
			b.WriteString("、")
		}
		b.WriteString(r.word)
		if len(r.synonyms) > 0 {
			b.WriteString("（" + strings.Join(r.synonyms, "、") + "）")
		}
	}
	return b.String()
}
