package widgets

import (
	"errors"

	"fyne.io/fyne/v2/widget"
)

// The complaints of a PasswordPair.
var (
	ErrNoPassword       = errors.New("请输入密码")
	ErrPasswordMismatch = errors.New("两次输入的密码不一致")
)

// PasswordPair is a new password typed twice, as every form that sets one
// asks for it. The rules of a good password (length, not the name) are the
// service's to check; the pair only checks that both say the same.
type PasswordPair struct {
	First, Second *widget.Entry
}

// NewPasswordPair returns two empty password entries.
func NewPasswordPair() *PasswordPair {
	p := &PasswordPair{First: widget.NewPasswordEntry(), Second: widget.NewPasswordEntry()}
	p.First.SetPlaceHolder("至少 8 个字符")
	p.Second.SetPlaceHolder("再输入一次")
	return p
}

// Password returns the password when both entries agree and are not empty.
func (p *PasswordPair) Password() (string, error) {
	switch {
	case p.First.Text == "":
		return "", ErrNoPassword
	case p.First.Text != p.Second.Text:
		return "", ErrPasswordMismatch
	}
	return p.First.Text, nil
}

// Clear empties both entries.
func (p *PasswordPair) Clear() {
	p.First.SetText("")
	p.Second.SetText("")
}

// FormItems returns the two entries as form rows with the given labels.
func (p *PasswordPair) FormItems(first, second string) []*widget.FormItem {
	return []*widget.FormItem{widget.NewFormItem(first, p.First), widget.NewFormItem(second, p.Second)}
}
