// Package fieldrule holds the rules a value of the data obeys however it comes
// in — a workbook or CSV cell, a data package, a form — so that every door
// accepts exactly the same things (SPEC §13.2): a row that imports from a
// workbook can always be packaged and imported again, and a package holds
// nothing a workbook could not.
//
// The rules:
//   - Text is at most MaxText characters; a code at most MaxCode.
//   - No control characters: none at all in a code; in text only tab and
//     line feed (a line break typed in a cell), every other C0 character
//     (NUL, ESC …), DEL, the C1 characters and the bidirectional overrides
//     (U+202A–U+202E, U+2066–U+2069) are refused. Readers turn CR LF and a
//     lone CR inside a cell into LF first.
//   - An Excel error value (#N/A, #REF! …) is not data.
//   - U+FFFD, the mark a decoder leaves for bytes it could not read, is
//     refused: the file's encoding was wrong or it is damaged.
//   - Codes are compared as Code writes them: surrounding spaces dropped and
//     full-width ASCII (Ｕ０１) read as half-width (U01).
package fieldrule

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of SPEC §13.2, in characters.
const (
	MaxText = 1000
	MaxCode = 64
)

// ExcelErrors are the error values Excel and WPS show in a cell whose
// formula failed.
var ExcelErrors = []string{
	"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
	"#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#EXTERNAL!", "#PYTHON!",
}

// Code writes a code as it is stored and compared: surrounding spaces of
// every kind dropped, full-width ASCII letters, digits and signs
// (U+FF01–U+FF5E) and the ideographic space turned half-width.
func Code(s string) string {
	s = strings.TrimFunc(s, unicode.IsSpace)
	if !strings.ContainsFunc(s, isFullWidth) {
		return s
	}
	return strings.TrimFunc(strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFF01 + '!'
		case r == 0x3000:
			return ' '
		}
		return r
	}, s), unicode.IsSpace)
}

func isFullWidth(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E || r == 0x3000 }

// CheckCode checks a code (after Code): at most MaxCode characters, no
// control characters at all, no Excel error value, nothing undecodable.
func CheckCode(s string) error {
	if err := common(s); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(s); n > MaxText {
		return TooLong()
	} else if n > MaxCode {
		return fmt.Errorf("编码最多%d个字符，这里有%d个", MaxCode, n)
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) || isBidi(r) }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return errControl(r)
	}
	return nil
}

// CheckText checks free text: at most MaxText characters, no control
// characters but tab and line feed, no Excel error value, nothing
// undecodable.
func CheckText(s string) error {
	if err := common(s); err != nil {
		return err
	}
	if utf8.RuneCountInString(s) > MaxText {
		return TooLong()
	}
	if i := strings.IndexFunc(s, badInText); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return errControl(r)
	}
	return nil
}

// TooLong is the error of a text over MaxText characters (readers keep
// only the beginning of a longer cell, so the count is not given).
func TooLong() error {
	return fmt.Errorf("超过%d个字符（最多%d个），请删减", MaxText, MaxText)
}

// common holds the rules of codes and text alike.
func common(s string) error {
	if e, ok := IsExcelError(s); ok {
		return fmt.Errorf("是 Excel 的错误值 %s（公式出错或引用失效），不是数据：请填写实际内容", e)
	}
	if strings.ContainsRune(s, utf8.RuneError) {
		return errors.New("含有无法识别的字符“\uFFFD”：文件的编码有误或文件已损坏，请检查后另存为 UTF-8")
	}
	return nil
}

// IsExcelError reports whether s, spaces aside, is an Excel error value,
// and returns it as Excel writes it.
func IsExcelError(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "#") || len(s) > 16 {
		return "", false
	}
	up := strings.ToUpper(s)
	for _, e := range ExcelErrors {
		if up == e {
			return e, true
		}
	}
	return "", false
}

// badInText is a character text may not hold.
func badInText(r rune) bool {
	return r != '\t' && r != '\n' && unicode.IsControl(r) || isBidi(r)
}

// isBidi is a bidirectional embedding, override or isolate, which makes
// text show in another order than it is stored.
func isBidi(r rune) bool { return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 }

func errControl(r rune) error {
	name := fmt.Sprintf("U+%04X", r)
	switch r {
	case 0:
		name += " NUL"
	case 0x1B:
		name += " ESC"
	case '\t':
		name += " 制表符"
	case '\n':
		name += " 换行"
	case '\r':
		name += " 回车"
	}
	return fmt.Errorf("含有控制字符（%s），请删去", name)
}

// NormalizeNewlines turns CR LF and a lone CR into LF, as a cell's line
// breaks are kept.
func NormalizeNewlines(s string) string {
	if !strings.ContainsRune(s, '\r') {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}
