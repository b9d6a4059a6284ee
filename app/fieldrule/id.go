package fieldrule

import (
	"errors"
	"fmt"
	"strings"
)

// idWeights are the weights of GB 11643's check digit (ISO 7064 MOD 11-2).
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// idCheckChars maps the weighted sum mod 11 to the check character.
const idCheckChars = "10X98765432"

// CheckDigit returns the check character of the first 17 digits of an ID
// number; false when they are not 17 digits.
func CheckDigit(first17 string) (byte, bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := first17[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		sum += int(c-'0') * idWeights[i]
	}
	return idCheckChars[sum%11], true
}

// ID writes an ID number as it is stored: as Code does, with the check
// character in upper case.
func ID(s string) string {
	s = Code(s)
	if strings.HasSuffix(s, "x") {
		return strings.TrimSuffix(s, "x") + "X"
	}
	return s
}

// CheckID checks an 18-character citizen ID number (GB 11643): 17 digits
// and a check character, a digit or X (x accepted), that matches the
// others.
func CheckID(s string) error {
	if strings.ContainsAny(s, "Ee") && strings.Contains(s, "+") {
		return errors.New("身份证号被 Excel 写成了科学计数法，请把该列设为文本格式后重新填写")
	}
	if n := len([]rune(s)); n != 18 {
		return fmt.Errorf("身份证号应为18位，这里是%d位", n)
	}
	want, ok := CheckDigit(s[:17])
	if !ok {
		return errors.New("身份证号前17位应为数字")
	}
	got := s[17]
	if got == 'x' {
		got = 'X'
	}
	if got != want {
		return fmt.Errorf("校验位错误（应为%c）", want)
	}
	return nil
}
