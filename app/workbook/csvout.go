package workbook

import (
	"bufio"
	"io"
	"path/filepath"
	"strings"

	"gorm.io/gorm"

	"xuncha/app/outfile"
	"xuncha/model"
)

// IsCSV reports whether path names a CSV file (by its extension).
func IsCSV(path string) bool {
	return strings.EqualFold(filepath.Ext(path), ".csv")
}

// WriteCSV writes a header and rows the way Excel and WPS open them
// without asking for an encoding: UTF-8 with a byte-order mark, CRLF line
// ends, fields quoted where needed. Long digit strings (ID numbers) and
// codes with leading zeros get a leading tab, left outside quotes, so that
// Excel keeps them as text instead of showing 1.10105E+17 or dropping the
// zeros; the importer trims it. A cell Excel would take for a formula gets
// an apostrophe in front (see Defuse); the importer takes it off.
func WriteCSV(w io.Writer, header []string, rows [][]string) error {
	bw := bufio.NewWriter(w)
	bw.Write(bomUTF8)
	line := func(fields []string, protect bool) {
		for i, v := range fields {
			if i > 0 {
				bw.WriteByte(',')
			}
			if protect {
				v = Defuse(v)
			}
			switch {
			case strings.ContainsAny(v, ",\"\r\n"):
				bw.WriteString(`"` + strings.ReplaceAll(v, `"`, `""`) + `"`)
			case protect:
				bw.WriteString(excelText(v))
			default:
				bw.WriteString(v)
			}
		}
		bw.WriteString("\r\n")
	}
	line(header, false)
	for _, row := range rows {
		line(row, true)
	}
	return bw.Flush()
}

// formulaStart are the characters with which Excel and WPS take a cell of
// a CSV file for a formula (=, +, -, @) or run one (a tab or CR before it).
const formulaStart = "=+-@\t\r"

// Defuse makes a cell that Excel would read as a formula (=HYPERLINK(…),
// =cmd|' /C calc'!A0, +1-2) plain text, by an apostrophe in front, which
// Excel shows as a text marker. The rule, so that Undefuse gives every
// value back: a cell whose first character after any leading apostrophes
// is one of formulaStart gets one more apostrophe. A clerk's "'=x" thus
// goes out with two apostrophes and comes back with its one.
func Defuse(v string) string {
	if rest := strings.TrimLeft(v, "'"); rest != "" && strings.ContainsRune(formulaStart, rune(rest[0])) {
		return "'" + v
	}
	return v
}

// Undefuse takes off the apostrophe Defuse put in front of a cell read from
// a CSV file. A cell that starts with an apostrophe before a formula's
// first character loses one apostrophe (which Excel, too, takes for a
// text marker, not part of the value); any other cell is left as it is.
func Undefuse(v string) string {
	if strings.HasPrefix(v, "'") && Defuse(v[1:]) == v {
		return v[1:]
	}
	return v
}

// excelText protects a value Excel would turn into a number.
func excelText(v string) string {
	if len(v) < 2 || strings.Trim(v, "0123456789") != "" {
		return v
	}
	if len(v) > 11 || v[0] == '0' {
		return "\t" + v
	}
	return v
}

// ExportPeopleCSV writes the people with the given codes (nil: everyone)
// to path as one CSV in the columns of the 人员 sheet. A CSV holds one
// sheet; the xlsx export carries 工作经历, 亲属关系 and 回避申报 too. Named
// 人员.csv, the file imports again as it is.
func ExportPeopleCSV(db *gorm.DB, codes []string, path string) error {
	var people []model.Person
	if err := db.Order("code").Find(&people).Error; err != nil {
		return err
	}
	people = filter(people, func(p *model.Person) string { return p.Code }, keep(codes))
	return writeCSVFile(path, headers(personSheet.def()), cellsOf(personSheet, people))
}

// ExportUnitsCSV writes the units with the given codes (nil: every unit)
// to path as one CSV in the columns of the 单位 sheet (单位.csv imports
// again as it is; 班子成员 travel in the xlsx export).
func ExportUnitsCSV(db *gorm.DB, codes []string, path string) error {
	var units []model.Unit
	if err := db.Order("code").Find(&units).Error; err != nil {
		return err
	}
	units = filter(units, func(u *model.Unit) string { return u.Code }, keep(codes))
	return writeCSVFile(path, headers(unitSheet.def()), cellsOf(unitSheet, units))
}

// ExportPeopleAs writes the people with the given codes as ExportPeople
// does, or as ExportPeopleCSV does when path ends in .csv.
func ExportPeopleAs(db *gorm.DB, codes []string, path string) error {
	if IsCSV(path) {
		return ExportPeopleCSV(db, codes, path)
	}
	return ExportPeople(db, codes, path)
}

// ExportUnitsAs writes the units with the given codes as ExportUnits does,
// or as ExportUnitsCSV does when path ends in .csv.
func ExportUnitsAs(db *gorm.DB, codes []string, path string) error {
	if IsCSV(path) {
		return ExportUnitsCSV(db, codes, path)
	}
	return ExportUnits(db, codes, path)
}

// writeCSVFile writes the CSV to path through a temporary file beside it,
// so that a failed export leaves no half-written file.
func writeCSVFile(path string, header []string, rows [][]string) error {
	return outfile.Write(path, outfile.Document, func(w io.Writer) error { return WriteCSV(w, header, rows) })
}
