package widgets

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"xuncha/app"
)

// maxShown is how many matches the picker's drop-down lists.
const maxShown = 40

// Picker is an entry for a code (a unit, a person) that offers the options
// matching what was typed, by code or name. It shows "U0101 县委办公室"
// and Code returns "U0101".
type Picker struct {
	widget.SelectEntry
	options []app.Option
}

// NewPicker returns a picker over options.
func NewPicker(options []app.Option) *Picker {
	p := &Picker{options: options}
	p.ExtendBaseWidget(p)
	p.Wrapping = 0
	p.PlaceHolder = "输入编码或名称"
	p.OnChanged = func(s string) { p.SetOptions(p.matches(s)) }
	p.SetOptions(p.matches(""))
	return p
}

func (p *Picker) matches(s string) []string {
	s = strings.ToLower(strings.TrimSpace(s))
	var out []string
	for _, o := range p.options {
		if len(out) == maxShown {
			break
		}
		if s == "" || strings.Contains(strings.ToLower(o.Label()), s) {
			out = append(out, o.Label())
		}
	}
	return out
}

// Code returns the code of the chosen option ("" for none).
func (p *Picker) Code() string { return app.CodeOfLabel(p.Text) }

// SetCode shows the option of code (or the bare code when it is unknown).
func (p *Picker) SetCode(code string) {
	text := code
	for _, o := range p.options {
		if o.Code == code {
			text = o.Label()
			break
		}
	}
	p.SetText(text)
}
