package widgets

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
)

func TestDateEntry(t *testing.T) {
	test.NewTempApp(t)
	cases := []struct {
		name, text string
		ok         bool
	}{
		{"空白可以", "", true},
		{"标准写法", "2026-03-01", true},
		{"斜杠写法不收", "2026/3/1", false},
		{"不存在的日子", "2026-02-30", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := NewDateEntry()
			test.NewTempWindow(t, e)
			test.Type(e, c.text)
			if err := e.Validate(); (err == nil) != c.ok {
				t.Errorf("%q: %v", c.text, err)
			}
			if e.Date() != c.text {
				t.Errorf("Date() = %q", e.Date())
			}
		})
	}
}

func TestPickerMatchesCodeAndName(t *testing.T) {
	test.NewTempApp(t)
	p := NewPicker([]app.Option{{Code: "U01", Name: "县委办公室"}, {Code: "U02", Name: "城关镇"}, {Code: "U03", Name: "城关镇东街社区"}})
	test.NewTempWindow(t, p)
	test.Type(p, "城关")
	if got := p.matches(p.Text); len(got) != 2 || got[0] != "U02 城关镇" {
		t.Errorf("matches of 城关 = %v", got)
	}
	p.SetCode("U02")
	if p.Text != "U02 城关镇" || p.Code() != "U02" {
		t.Errorf("SetCode: text %q code %q", p.Text, p.Code())
	}
	p.SetText("u99")
	if p.Code() != "u99" {
		t.Errorf("a typed code = %q", p.Code())
	}
}

func TestEditListAddRemove(t *testing.T) {
	test.NewTempApp(t)
	var rows []*widget.Entry
	var l *EditList
	l = NewEditList([]string{"姓名"}, []float32{0}, "添加", func() {
		e := widget.NewEntry()
		rows = append(rows, e)
		l.AddRow(func() {
			for i, x := range rows {
				if x == e {
					rows = append(rows[:i], rows[i+1:]...)
				}
			}
		}, e)
	})
	test.NewTempWindow(t, l)
	test.Tap(l.Add)
	test.Tap(l.Add)
	test.Tap(l.Add)
	first, last := rows[0], rows[2]
	test.Tap(l.RemoveButton(1))
	if l.Len() != 2 || len(rows) != 2 || rows[0] != first || rows[1] != last {
		t.Errorf("after removing the middle row: %d shown, %d kept", l.Len(), len(rows))
	}
}
