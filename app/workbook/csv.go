package workbook

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText turns the bytes of a text file into UTF-8: UTF-8 with or
// without BOM stays as it is, UTF-16 with a BOM is converted, and anything
// else is read as GB18030 (which includes GBK and GB2312), the encoding
// Chinese Excel and WPS save CSV in.
func decodeText(data []byte) []byte {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err == nil {
			return out
		}
	case utf8.Valid(data):
		return data
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	return out
}

// delimiter guesses the field separator from the first line: a comma, or a
// tab or semicolon when the line has those and no comma.
func delimiter(data []byte) rune {
	line := data
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		line = data[:i]
	}
	switch {
	case bytes.IndexByte(line, ',') >= 0:
		return ','
	case bytes.IndexByte(line, '\t') >= 0:
		return '\t'
	case bytes.IndexByte(line, ';') >= 0:
		return ';'
	}
	return ','
}

// readCSV reads one CSV file as the table of sheet. A malformed line is
// reported and ends the reading; the rows before it are kept (and the
// problem keeps the import from writing unless only valid rows are wanted).
func readCSV(sheet, label string, data []byte, c *collector) *table {
	text := decodeText(data)
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = delimiter(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	next := func() ([]string, int, error) {
		rec, err := r.Read()
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				c.add(src{label, pe.Line}, "", "CSV 格式错误，此行及以后未读取："+pe.Err.Error())
				return nil, 0, io.EOF
			}
			return nil, 0, err
		}
		line, _ := r.FieldPos(0)
		for i := range rec {
			rec[i] = Undefuse(rec[i]) // the apostrophe our CSV export puts before a formula
		}
		return rec, line, nil
	}
	t, err := readTable(sheet, label, next, c)
	if err != nil {
		// Reading from memory fails only with parse errors, handled above.
		c.add(src{label, 0}, "", "CSV 无法读取："+err.Error())
		return nil
	}
	return t
}
