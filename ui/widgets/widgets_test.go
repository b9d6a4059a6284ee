package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/civil"
)

func TestDateEntry(t *testing.T) {
	test.NewTempApp(t)
	cases := []struct {
		name, text, date string
		ok               bool
	}{
		{"空白可以", "", "", true},
		{"标准写法", "2026-03-01", "2026-03-01", true},
		{"斜杠写法", "2027/3/1", "2027-03-01", true},
		{"中文写法", "2027年3月1日", "2027-03-01", true},
		{"不补零", "2027-3-1", "2027-03-01", true},
		{"不存在的日子", "2026-02-30", "2026-02-30", false},
		{"文字", "明天", "明天", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := NewDateEntry()
			w := test.NewTempWindow(t, e)
			w.Canvas().Focus(e)
			test.Type(e, c.text)
			if err := e.Validate(); (err == nil) != c.ok {
				t.Errorf("%q: %v", c.text, err)
			}
			if e.Date() != c.date {
				t.Errorf("Date() = %q, want %q", e.Date(), c.date)
			}
			w.Canvas().Unfocus() // the cursor leaves: the date is written the standard way
			if c.ok && e.Text != c.date {
				t.Errorf("after leaving: %q, want %q", e.Text, c.date)
			}
			if !c.ok && e.Text != c.text {
				t.Errorf("a wrong date was changed to %q", e.Text)
			}
		})
	}
}

// An empty date field shows words, not a date that reads as one.
func TestDateEntryPlaceHolderIsNoDate(t *testing.T) {
	e := NewDateEntry()
	if e.PlaceHolder == "" || ValidateDate(e.PlaceHolder) == nil {
		t.Errorf("placeholder %q reads as a date", e.PlaceHolder)
	}
}

// The calendar opens at the date typed, turns months, and writes the day
// chosen into the entry.
func TestDatePicker(t *testing.T) {
	test.NewTempApp(t)
	e := NewDateEntry()
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(400, 400))
	e.SetText("2027/3/15")
	test.Tap(e.pick)
	p := e.Picker()
	if p == nil || p.Month() != civil.MustParse("2027-03-01") || p.title.Text != "2027年3月" {
		t.Fatalf("picker at %v", p)
	}
	if p.Day(15).Importance != widget.HighImportance {
		t.Error("the date typed is not marked")
	}
	test.Tap(p.controls[2]) // next month
	if p.title.Text != "2027年4月" || len(p.dayBtns) != 30 {
		t.Fatalf("next month: %s, %d days", p.title.Text, len(p.dayBtns))
	}
	test.Tap(p.controls[0]) // a year back
	if p.title.Text != "2026年4月" {
		t.Fatalf("a year back: %s", p.title.Text)
	}
	// 2026-04-01 is a Wednesday: two blanks after the seven weekdays.
	if l, ok := p.days.Objects[7+2].(*widget.Button); !ok || l.Text != "1" {
		t.Errorf("the 1st is not under 三: %T", p.days.Objects[9])
	}
	test.Tap(p.Day(30))
	if e.Text != "2026-04-30" || e.Picker() != nil {
		t.Errorf("after choosing: %q, picker open %v", e.Text, e.Picker() != nil)
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
	if got := p.matches("xwb"); len(got) != 1 || got[0] != "U01 县委办公室" {
		t.Errorf("matches of the initials xwb = %v", got)
	}
	if got := p.matches("u03"); len(got) != 1 {
		t.Errorf("matches of a code in lower case = %v", got)
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

// Typing lists the matches at once; ↓ and Enter take one, Esc closes the
// list, and what is typed with the list open goes to the entry.
func TestPickerSuggestsWhileTyping(t *testing.T) {
	test.NewTempApp(t)
	p := NewPicker([]app.Option{{Code: "P001", Name: "张三"}, {Code: "P002", Name: "李四"}, {Code: "P003", Name: "张三丰"}})
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(400, 400))
	p.SetCode("P002") // written by the program: no list
	if p.Matching() {
		t.Fatal("the list opened without typing")
	}
	p.SetText("")
	w.Canvas().Focus(p)
	test.Type(p, "z")
	if !p.Matching() || w.Canvas().Focused() != p.list {
		t.Fatalf("typing z: list open %v", p.Matching())
	}
	test.Type(w.Canvas().Focused(), "s") // goes on into the entry
	if p.Text != "zs" || len(p.Shown()) != 2 || p.Shown()[0] != "P001 张三" {
		t.Fatalf("zs: text %q, listed %v", p.Text, p.Shown())
	}
	p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.Code() != "P003" || p.Matching() || w.Canvas().Focused() != p {
		t.Fatalf("↓ Enter took %q (list open %v)", p.Text, p.Matching())
	}
	p.SetText("")
	test.Type(p, "李")
	p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if p.Matching() || p.Text != "李" {
		t.Errorf("Esc: list open %v, text %q", p.Matching(), p.Text)
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
