package widgets

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/pinyin"
)

// maxShown is how many matches the picker lists.
const maxShown = 40

// pickerRows is how many matches show without scrolling.
const pickerRows = 8

// Picker is an entry for a code (a unit, a person) that lists, while the
// clerk types, the options matching what was typed by code, by name or by
// the name's pinyin initials (zs finds 张三); ↑ ↓ move in the list, Enter
// or a click takes one, Esc closes it, ▾ lists them without typing. It
// shows "U0101 县委办公室" and Code returns "U0101".
type Picker struct {
	widget.Entry
	options []app.Option
	keys    []string // per option: code and name lower-cased, then initials once typed for
	inits   *pinyin.Initialer

	shown []int // the options listed, by index
	cur   int   // the match ↑ ↓ are on
	list  *matchList
	popup *widget.PopUp
	quiet bool // SetCode is writing: no list
}

// NewPicker returns a picker over options.
func NewPicker(options []app.Option) *Picker {
	p := &Picker{options: options}
	p.ExtendBaseWidget(p)
	p.Wrapping = fyne.TextWrapOff
	p.PlaceHolder = "输入编码、名称或拼音首字母"
	p.keys = make([]string, len(options))
	for i, o := range options {
		p.keys[i] = strings.ToLower(o.Code + " " + o.Name)
	}
	drop := widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), p.ShowMatches)
	drop.Importance = widget.LowImportance
	p.ActionItem = drop
	p.OnChanged = p.onTyped
	return p
}

// onTyped lists what matches the text typed.
func (p *Picker) onTyped(string) {
	if p.quiet {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c == nil || (c.Focused() != p && (p.list == nil || c.Focused() != p.list)) {
		return // written by the program, not typed
	}
	p.ShowMatches()
}

// matches lists the labels of the options matching s (at most maxShown):
// those whose code or initials begin with s first.
func (p *Picker) matches(s string) []string {
	idx := p.match(s)
	out := make([]string, len(idx))
	for i, k := range idx {
		out[i] = p.options[k].Label()
	}
	return out
}

func (p *Picker) match(s string) []int {
	s = strings.ToLower(strings.TrimSpace(s))
	if hasLatin(s) {
		p.initials()
	}
	var first, rest []int
	for i, k := range p.keys {
		if len(first) == maxShown {
			break
		}
		code := strings.ToLower(p.options[i].Code)
		_, inits, _ := strings.Cut(k, "\x00")
		switch {
		case s == "":
			rest = append(rest, i)
		case strings.HasPrefix(code, s) || strings.HasPrefix(inits, s):
			first = append(first, i)
		case strings.Contains(k, s):
			rest = append(rest, i)
		}
	}
	out := append(first, rest...)
	if len(out) > maxShown {
		out = out[:maxShown]
	}
	return out
}

// initials adds the names' pinyin initials to the keys, the first time
// letters are typed.
func (p *Picker) initials() {
	if p.inits != nil {
		return
	}
	p.inits = pinyin.New()
	for i, o := range p.options {
		p.keys[i] += "\x00" + strings.ToLower(p.inits.Initials(o.Name))
	}
}

func hasLatin(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return true
		}
	}
	return false
}

// ShowMatches opens the list of options matching the text, under the
// entry (▾ does this).
func (p *Picker) ShowMatches() {
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c == nil || p.Disabled() {
		return
	}
	p.shown, p.cur = p.match(p.Text), 0
	if len(p.shown) == 0 {
		p.HideMatches()
		return
	}
	if p.popup == nil {
		p.list = newMatchList(p)
		p.popup = widget.NewPopUp(p.list, c)
	}
	p.list.Refresh()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p)
	pos.Y += p.Size().Height
	rowH := p.list.rowHeight()
	h := rowH * float32(min(len(p.shown), pickerRows))
	if room := c.Size().Height - pos.Y - theme.Padding(); h > room && room > rowH {
		h = room
	}
	p.popup.Resize(fyne.NewSize(max(p.Size().Width, 280), h))
	p.popup.ShowAtPosition(pos)
	c.Focus(p.list)
}

// HideMatches closes the list; the entry keeps the keyboard.
func (p *Picker) HideMatches() {
	if p.popup == nil {
		return
	}
	p.popup.Hide()
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
		c.Focus(p)
	}
}

// Matching reports whether the list is open.
func (p *Picker) Matching() bool { return p.popup != nil && p.popup.Visible() }

// Shown lists the labels of the options listed, for tests.
func (p *Picker) Shown() []string {
	out := make([]string, len(p.shown))
	for i, k := range p.shown {
		out[i] = p.options[k].Label()
	}
	return out
}

// take writes the match at i into the entry and closes the list.
func (p *Picker) take(i int) {
	if i < 0 || i >= len(p.shown) {
		return
	}
	p.quiet = true
	p.SetText(p.options[p.shown[i]].Label())
	p.quiet = false
	p.CursorColumn = len([]rune(p.Text))
	p.HideMatches()
}

// Code returns the code of the chosen option ("" for none).
func (p *Picker) Code() string { return app.CodeOfLabel(p.Text) }

// Value is the code of the option whose label the entry shows, else the
// text as typed (a 籍贯 written in words).
func (p *Picker) Value() string {
	text := strings.TrimSpace(p.Text)
	for _, o := range p.options {
		if o.Label() == text || o.Code == text {
			return o.Code
		}
	}
	return text
}

// SetCode shows the option of code (or the bare code when it is unknown).
func (p *Picker) SetCode(code string) {
	text := code
	for _, o := range p.options {
		if o.Code == code {
			text = o.Label()
			break
		}
	}
	p.quiet = true
	p.SetText(text)
	p.quiet = false
}

// matchList is the list of matches under a picker. It holds the keyboard
// while open: ↑ ↓ move, Enter takes, Esc closes, and what else is typed
// goes on to the entry.
type matchList struct {
	widget.BaseWidget
	p    *Picker
	list *widget.List
}

var _ fyne.Focusable = (*matchList)(nil)

func newMatchList(p *Picker) *matchList {
	m := &matchList{p: p}
	m.list = widget.NewList(func() int { return len(p.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(canvas.NewRectangle(color.Transparent), l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			bg := c.Objects[0].(*canvas.Rectangle)
			bg.FillColor = color.Transparent
			if i == p.cur {
				bg.FillColor = theme.Color(theme.ColorNameSelection)
			}
			bg.Refresh()
			c.Objects[1].(*widget.Label).SetText(p.options[p.shown[i]].Label())
		})
	m.list.OnSelected = func(i widget.ListItemID) {
		m.list.UnselectAll()
		p.take(i)
	}
	m.ExtendBaseWidget(m)
	return m
}

func (m *matchList) rowHeight() float32 {
	return m.list.CreateItem().MinSize().Height + theme.Padding()
}

// Refresh shows the matches again.
func (m *matchList) Refresh() {
	m.list.Refresh()
	m.BaseWidget.Refresh()
}

// CreateRenderer draws the list.
func (m *matchList) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(m.list) }

// FocusGained does nothing: the entry shows the cursor.
func (m *matchList) FocusGained() {}

// FocusLost closes the list when the keyboard goes elsewhere.
func (m *matchList) FocusLost() {}

// TypedRune types into the entry.
func (m *matchList) TypedRune(r rune) { m.p.TypedRune(r) }

// TypedKey moves in the list, takes a match, closes the list, or edits the
// entry.
func (m *matchList) TypedKey(ev *fyne.KeyEvent) {
	p := m.p
	switch ev.Name {
	case fyne.KeyDown:
		p.cur = min(p.cur+1, len(p.shown)-1)
	case fyne.KeyUp:
		p.cur = max(p.cur-1, 0)
	case fyne.KeyReturn, fyne.KeyEnter:
		p.take(p.cur)
		return
	case fyne.KeyEscape, fyne.KeyTab:
		p.HideMatches()
		return
	default:
		p.TypedKey(ev)
		return
	}
	m.list.ScrollTo(p.cur)
	m.list.Refresh()
}

// TypedShortcut pastes, cuts and copies in the entry.
func (m *matchList) TypedShortcut(s fyne.Shortcut) { m.p.TypedShortcut(s) }

// TypingInto is the entry what is typed goes to, for the input method's
// window at its caret.
func (m *matchList) TypingInto() *widget.Entry { return &m.p.Entry }
