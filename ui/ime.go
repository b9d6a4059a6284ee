package ui

// The input method's window at the caret (SPEC §13.4, Fyne issue 618):
// Fyne tells Windows nothing of where its text caret is, so the Chinese
// input method shows its composition and candidate windows in a corner of
// the screen. The window tells it (ime_windows.go): where the caret of the
// focused entry is, in the window's pixels, is worked out here, portably.

import (
	"image"
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// caretLine is the caret's line in the window's client area, in pixels:
// its left edge is the caret, its height the line's.
func caretLine(entryPos fyne.Position, entrySize fyne.Size, prefixWidth float32, row int, lineHeight, pad, scale float32) image.Rectangle {
	x := entryPos.X + pad + min(prefixWidth, max(entrySize.Width-2*pad, 0))
	y := entryPos.Y + pad + float32(row)*lineHeight
	px := func(v float32) int { return int(v*scale + 0.5) }
	return image.Rect(px(x), px(y), px(x)+1, px(y+lineHeight))
}

// focusedEntry is the entry the keyboard types into, or nil: an entry, a
// widget built on one (a date field, a picker), or what passes the typing
// on to an entry (a picker's open list of matches).
func focusedEntry(c fyne.Canvas) *widget.Entry {
	f := c.Focused()
	if t, ok := f.(interface{ TypingInto() *widget.Entry }); ok {
		return t.TypingInto()
	}
	if e, ok := f.(*widget.Entry); ok {
		return e
	}
	v := reflect.ValueOf(f)
	if f == nil || v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	if e := v.Elem().FieldByName("Entry"); e.IsValid() && e.Type() == reflect.TypeOf(widget.Entry{}) && e.CanAddr() {
		return e.Addr().Interface().(*widget.Entry)
	}
	return nil
}

// entryCaret is the caret line of e in canvas c, in pixels; false when e
// is not shown or is a password (the input method is not used there).
func entryCaret(c fyne.Canvas, e *widget.Entry) (image.Rectangle, bool) {
	if e == nil || e.Password || !e.Visible() {
		return image.Rectangle{}, false
	}
	th := e.Theme()
	size := th.Size(theme.SizeNameText)
	lines := []rune(e.Text)
	row, col := e.CursorRow, e.CursorColumn
	line := lineOf(lines, row)
	if col > len(line) {
		col = len(line)
	}
	prefix := fyne.MeasureText(string(line[:col]), size, e.TextStyle).Width
	lineH := fyne.MeasureText("中", size, e.TextStyle).Height
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	pad := th.Size(theme.SizeNameInnerPadding)
	return caretLine(pos, e.Size(), prefix, row, lineH, pad, c.Scale()), true
}

// lineOf is line row of text (lines split at \n).
func lineOf(text []rune, row int) []rune {
	start := 0
	for i, r := range text {
		if r != '\n' {
			continue
		}
		if row == 0 {
			return text[start:i]
		}
		row--
		start = i + 1
	}
	if row == 0 {
		return text[start:]
	}
	return nil
}
