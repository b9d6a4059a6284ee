package kin

import "testing"

func TestCanonical(t *testing.T) {
	for _, c := range []struct {
		in, want  string
		ok, close bool
	}{
		{"妻子", "配偶", true, true},
		{" 岳父 ", "配偶的父母", true, true},
		{"亲家", "子女的配偶的父母", true, true},
		{"配偶的兄弟姐妹的配偶", "配偶的兄弟姐妹的配偶", true, true},
		{"姐夫", "旁系血亲的配偶", true, true},
		{"舅父", "伯叔姑舅姨", true, true},
		{"其他", "其他", true, false},
		{"同学", "", false, false},
		{"", "", false, false},
	} {
		got, ok := Canonical(c.in)
		if got != c.want || ok != c.ok || IsClose(got) != c.close {
			t.Errorf("Canonical(%q) = %q, %v, close %v; want %q, %v, %v", c.in, got, ok, IsClose(got), c.want, c.ok, c.close)
		}
	}
	if len(Words()) != 20 {
		t.Errorf("Words() has %d entries", len(Words()))
	}
}
