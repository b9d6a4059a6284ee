package ui

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/ui/widgets"
)

func TestCaretLine(t *testing.T) {
	cases := []struct {
		name              string
		pos               fyne.Position
		size              fyne.Size
		prefix            float32
		row               int
		lineH, pad, scale float32
		want              image.Rectangle
	}{
		{"行首，缩放1", fyne.NewPos(100, 50), fyne.NewSize(200, 36), 0, 0, 20, 8, 1, image.Rect(108, 58, 109, 78)},
		{"三个字之后，缩放1.5", fyne.NewPos(100, 50), fyne.NewSize(200, 36), 42, 0, 20, 8, 1.5, image.Rect(225, 87, 226, 117)},
		{"多行的第二行", fyne.NewPos(10, 10), fyne.NewSize(300, 100), 14, 1, 20, 8, 1, image.Rect(32, 38, 33, 58)},
		{"文字超出输入框，停在右边", fyne.NewPos(0, 0), fyne.NewSize(100, 36), 500, 0, 20, 8, 1, image.Rect(92, 8, 93, 28)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := caretLine(c.pos, c.size, c.prefix, c.row, c.lineH, c.pad, c.scale); got != c.want {
				t.Errorf("caretLine = %v, want %v", got, c.want)
			}
		})
	}
}

// The caret found is the focused entry's, after the text before it: in an
// entry, a date field, and a picker whose list of matches holds the keys.
func TestFocusedEntryCaret(t *testing.T) {
	_, w := testWorld(t)
	plain := widget.NewEntry()
	date := widgets.NewDateEntry()
	pick := widgets.NewPicker([]app.Option{{Code: "P1", Name: "张三"}, {Code: "P2", Name: "张三丰"}})
	w.SetContent(container.NewVBox(plain, date, pick))
	c := w.Canvas()
	c.Focus(plain)
	line0, ok := entryCaret(c, focusedEntry(c))
	test.Type(plain, "巡察")
	line2, _ := entryCaret(c, focusedEntry(c))
	if !ok || line2.Min.X <= line0.Min.X || line2.Min.Y != line0.Min.Y {
		t.Fatalf("caret before %v, after typing %v", line0, line2)
	}
	c.Focus(date)
	if focusedEntry(c) != &date.Entry {
		t.Error("a date field's entry not found")
	}
	c.Focus(pick)
	test.Type(pick, "张")
	if !pick.Matching() || focusedEntry(c) != &pick.Entry {
		t.Errorf("with the matches open: %T", c.Focused())
	}
	pw := widget.NewPasswordEntry()
	if _, ok := entryCaret(c, pw); ok {
		t.Error("a password field places the input method")
	}
}
