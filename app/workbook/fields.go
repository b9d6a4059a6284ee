package workbook

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"xuncha/app/fieldrule"
	"xuncha/app/vocab"
)

// column is a column of a sheet as the workbook shows it.
type column struct {
	name     string
	required bool
	help     string   // what goes in it, for the 说明 sheet
	choices  []string // the one word a cell may hold, for the template's drop-down list
	code     bool     // a code: fieldrule.CheckCode's limits, compared as fieldrule.Code writes it
}

// check applies the rules every cell of the column obeys, whatever it
// holds (fieldrule): its length, no control characters, no Excel error
// value, nothing undecodable.
func (c column) check(cell string) string {
	rule := fieldrule.CheckText
	if c.code {
		rule = fieldrule.CheckCode
	}
	if err := rule(cell); err != nil {
		return err.Error()
	}
	return ""
}

// header is the column's header as the template and exports write it.
func (c column) header() string {
	if c.required {
		return c.name + "*"
	}
	return c.name
}

// sheetDef is a sheet: its name and its columns.
type sheetDef struct {
	name string
	cols []column
}

// kind is what a code column refers to.
type kind int

const (
	noRef kind = iota
	refCounty
	refUnit
	refPerson
	refTerm
)

// String names the kind in messages.
func (k kind) String() string {
	switch k {
	case refCounty:
		return "县区"
	case refUnit:
		return "单位"
	case refPerson:
		return "人员"
	case refTerm:
		return "届期"
	}
	return ""
}

// field binds a column to a field of T: get writes the value as a workbook
// cell, set reads a cell into T and returns a problem ("" when the cell is
// good). set(get(v)) reproduces v: that is what makes exports round-trip.
type field[T any] struct {
	column
	get func(*T) string
	set func(*T, string) string
	ref kind // the value must be a code of this kind, in the file or the database
}

// entity describes a sheet whose rows are values of T.
type entity[T any] struct {
	sheet   string
	fields  []field[T]
	zero    func() T        // a new row before its cells are read (defaults)
	key     func(*T) string // identity: rows with equal keys are the same row
	keyDesc string          // the key's columns, for duplicate messages
	keyCol  string          // the column a duplicate is reported on
	// check looks at a row whose cells all read well; it returns the
	// column and message of a problem, or "".
	check func(*T) (string, string)
	// dup reports a row whose key an earlier row has; nil for the usual
	// message.
	dup func(first, cur *T, at src) string
}

// index returns the position of the column named col among e's fields.
func (e *entity[T]) index(col string) int {
	for i, f := range e.fields {
		if f.name == col {
			return i
		}
	}
	panic("workbook: no column " + col + " in " + e.sheet)
}

// def is the sheet as the workbook shows it.
func (e *entity[T]) def() sheetDef {
	d := sheetDef{name: e.sheet}
	for _, f := range e.fields {
		d.cols = append(d.cols, f.column)
	}
	return d
}

// fieldIndex is the index of the column named name in e's fields.
func fieldIndex[T any](e *entity[T], name string) int {
	for i, f := range e.fields {
		if f.name == name {
			return i
		}
	}
	panic("no column " + name + " in " + e.sheet)
}

// textCol is free text.
func textCol[T any](name string, req bool, help string, p func(*T) *string) field[T] {
	return field[T]{
		column: column{name: name, required: req, help: help},
		get:    func(v *T) string { return *p(v) },
		set:    func(v *T, s string) string { *p(v) = s; return "" },
	}
}

// codeCol is a code: full-width letters and digits read as half-width
// (Ｕ０１ is U01).
func codeCol[T any](name string, req bool, help string, p func(*T) *string) field[T] {
	return field[T]{
		column: column{name: name, required: req, help: help, code: true},
		get:    func(v *T) string { return *p(v) },
		set:    func(v *T, s string) string { *p(v) = fieldrule.Code(s); return "" },
	}
}

// refCol is a code of another sheet's row.
func refCol[T any](name string, req bool, help string, k kind, p func(*T) *string) field[T] {
	f := codeCol(name, req, withHelp(help, refHelp(k)), p)
	f.ref = k
	return f
}

// withHelp adds a sentence to a column's help.
func withHelp(help, more string) string {
	if help == "" {
		return more
	}
	return help + "；" + more
}

// refHelp says where a reference's code must be.
func refHelp(k kind) string {
	code := "编码"
	if k == refPerson {
		code = "编号"
	}
	return fmt.Sprintf("须为%s表或数据库中已有的%s%s", k, k, code)
}

// optRefCol is an optional code of another sheet's row, nil when blank.
func optRefCol[T any](name, help string, k kind, p func(*T) **string) field[T] {
	return field[T]{
		column: column{name: name, help: withHelp(help, refHelp(k)), code: true},
		get: func(v *T) string {
			if s := *p(v); s != nil {
				return *s
			}
			return ""
		},
		set: func(v *T, s string) string {
			if s = fieldrule.Code(s); s == "" {
				*p(v) = nil
			} else {
				*p(v) = &s
			}
			return ""
		},
		ref: k,
	}
}

// dateCol is a date, stored as 2006-01-02.
func dateCol[T any](name string, req bool, help string, p func(*T) *string) field[T] {
	return field[T]{
		column: column{name: name, required: req, help: withHelp(help, "日期，如 2026-03-01，也可写 2026/3/1 或 2026年3月1日")},
		get:    func(v *T) string { return *p(v) },
		set: func(v *T, s string) string {
			d, err := ParseDate(s)
			if err != nil {
				return err.Error()
			}
			*p(v) = d.String()
			return ""
		},
	}
}

// numberCol is a whole number from 1 to 9999, kept as its digits ("" for
// blank).
func numberCol[T any](name, help string, p func(*T) *string) field[T] {
	return field[T]{
		column: column{name: name, help: withHelp(help, "正整数")},
		get:    func(v *T) string { return *p(v) },
		set: func(v *T, s string) string {
			if s == "" {
				*p(v) = ""
				return ""
			}
			n, err := strconv.Atoi(strings.TrimSuffix(s, ".0"))
			if err != nil || n < 1 || n > 9999 {
				return fmt.Sprintf("“%s”无效，应为 1 至 9999 的整数", s)
			}
			*p(v) = strconv.Itoa(n)
			return ""
		},
	}
}

// idCol is a citizen ID number, checked.
func idCol[T any](name, help string, p func(*T) *string) field[T] {
	return field[T]{
		column: column{name: name, help: help},
		get:    func(v *T) string { return *p(v) },
		set: func(v *T, s string) string {
			if s == "" {
				*p(v) = ""
				return ""
			}
			s = fieldrule.ID(s)
			if err := fieldrule.CheckID(s); err != nil {
				return err.Error()
			}
			*p(v) = s
			return ""
		},
	}
}

// wordCol is one word of a fixed list; blank is def.
func wordCol[T any](name string, req bool, help string, words []string, def string, p func(*T) *string) field[T] {
	return field[T]{
		column: column{name: name, required: req, help: withHelp(help, "可填："+strings.Join(words, "、")), choices: words},
		get:    func(v *T) string { return *p(v) },
		set: func(v *T, s string) string {
			if s == "" {
				*p(v) = def
				return ""
			}
			if !inList(s, words) {
				return msgBadWord(s, words)
			}
			*p(v) = s
			return ""
		},
	}
}

// boolCol is 是 or 否.
func boolCol[T any](name, help string, p func(*T) *bool) field[T] {
	return field[T]{
		column: column{name: name, help: withHelp(help, "填 是 或 否，空白为 否"), choices: []string{"是", "否"}},
		get:    func(v *T) string { return yesNo(*p(v)) },
		set: func(v *T, s string) string {
			b, ok := parseYesNo(s)
			if !ok {
				return fmt.Sprintf("“%s”无效，应填 是 或 否", s)
			}
			*p(v) = b
			return ""
		},
	}
}

// listCol is several words of a fixed list, stored joined by 、 in the
// list's order.
func listCol[T any](name, help string, words []string, p func(*T) *string) field[T] {
	return field[T]{
		column: column{name: name, help: withHelp(help, "可填："+strings.Join(words, "、"))},
		get:    func(v *T) string { return *p(v) },
		set: func(v *T, s string) string {
			got, msg := pickWords(s, words)
			if msg != "" {
				return msg
			}
			*p(v) = strings.Join(got, "、")
			return ""
		},
	}
}

// pickWords reads a cell of several words of a list, and returns them in
// the list's order without repeats.
func pickWords(s string, words []string) ([]string, string) {
	has := make([]bool, len(words))
	for _, w := range splitWords(s) {
		i := indexOf(w, words)
		if i < 0 {
			return nil, msgBadWord(w, words)
		}
		has[i] = true
	}
	var out []string
	for i, w := range words {
		if has[i] {
			out = append(out, w)
		}
	}
	return out, ""
}

// indexOf is the position of w in words, -1 if absent.
func indexOf(w string, words []string) int {
	for i, x := range words {
		if x == w {
			return i
		}
	}
	return -1
}

// sectorsCol is a unit's 领域: free words separated by 、, stored as
// fieldrule.Sectors writes them.
func sectorsCol[T any](name, help string, p func(*T) *string) field[T] {
	return field[T]{
		column: column{name: name, help: help},
		get:    func(v *T) string { return *p(v) },
		set: func(v *T, s string) string {
			w, err := fieldrule.Sectors(s)
			if err != nil {
				return err.Error()
			}
			*p(v) = w
			return ""
		},
	}
}

// priorityCol is a 重点等级: A, B, C or blank.
func priorityCol[T any](name, help string, p func(*T) *string) field[T] {
	return field[T]{
		column: column{name: name, help: help, choices: vocab.Priorities},
		get:    func(v *T) string { return *p(v) },
		set: func(v *T, s string) string {
			w, err := fieldrule.Priority(s)
			if err != nil {
				return err.Error()
			}
			*p(v) = w
			return ""
		},
	}
}

// codesCol is a list of codes separated by 、 (联动轮次, 巡审联动单位编码),
// stored sorted, each once, as fieldrule.Code writes it.
func codesCol[T any](name, help string, p func(*T) *string) field[T] {
	return field[T]{
		column: column{name: name, help: withHelp(help, "可填多个，用 、 分隔")},
		get:    func(v *T) string { return *p(v) },
		set: func(v *T, s string) string {
			var codes []string
			for _, x := range fieldrule.SplitWords(s) {
				c := fieldrule.Code(x)
				if err := fieldrule.CheckCode(c); err != nil {
					return err.Error()
				}
				if !slices.Contains(codes, c) {
					codes = append(codes, c)
				}
			}
			slices.Sort(codes)
			*p(v) = strings.Join(codes, "、")
			return ""
		},
	}
}
