package datapkg

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"xuncha/app/fieldrule"
	"xuncha/app/safezip/ziptest"
	"xuncha/app/workbook"
	"xuncha/model"
)

// rawPackage writes a plain package whose data.json is what write writes,
// with a manifest that declares counts and the data's true size and
// checksum: only the reader's limits and rules can refuse it.
func rawPackage(t *testing.T, counts []int, write func(w io.Writer)) []byte {
	t.Helper()
	h := sha256.New()
	var size countWriter
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	m := Manifest{Format: Format, Version: Version, Schema: model.SchemaVersion, Created: "2026-11-21 09:00:00",
		Counties: []string{"C01"}}
	for i, e := range Entities {
		m.Counts = append(m.Counts, Count{e, counts[i]})
	}
	// The data first, to know its checksum; the manifest is written after
	// it but read by name.
	dw, err := zw.Create(dataName)
	if err != nil {
		t.Fatal(err)
	}
	write(io.MultiWriter(dw, h, &size))
	m.Files = []FileSum{{Name: dataName, Size: int64(size), SHA256: hex.EncodeToString(h.Sum(nil))}}
	mb, _ := json.Marshal(m)
	mw, _ := zw.Create(manifestName)
	mw.Write(mb)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

// counties is a count of rows for each entity: n counties, none else.
func counties(n int) []int { c := make([]int, len(Entities)); c[0] = n; return c }

// TestPackageBombsRefused refuses packages built to exhaust memory, each
// early and with little allocated: ten million empty rows (counted in the
// manifest or not), a row of megabytes, nesting, a number of megabytes, a
// declared size past the limits, a file past 200 MB, ten thousand entries.
func TestPackageBombsRefused(t *testing.T) {
	emptyRows := func(n int) func(w io.Writer) {
		return func(w io.Writer) {
			io.WriteString(w, `{"counties":[`)
			chunk := []byte(strings.Repeat("{},", 10000))
			for i := 0; i < n/10000; i++ {
				w.Write(chunk)
			}
			io.WriteString(w, `{}]}`)
		}
	}
	huge := func(prefix, fill, suffix string, n int) func(w io.Writer) {
		return func(w io.Writer) {
			io.WriteString(w, prefix)
			io.WriteString(w, strings.Repeat(fill, n))
			io.WriteString(w, suffix)
		}
	}
	tooLarge := func(err error) bool { return errors.Is(err, ErrTooLarge) }
	var tamperErr *TamperError
	tampered := func(err error) bool { return errors.As(err, &tamperErr) }
	for _, c := range []struct {
		name     string
		data     func(t *testing.T) []byte
		ok       func(error) bool
		maxAlloc uint64
	}{
		{"一千万个空对象，清单记1行", func(t *testing.T) []byte { return rawPackage(t, counties(1), emptyRows(10_000_000)) }, tampered, 8 << 20},
		{"一千万个空对象，清单如实记", func(t *testing.T) []byte { return rawPackage(t, counties(10_000_001), emptyRows(10_000_000)) }, tooLarge, 8 << 20},
		{"一行数兆字节", func(t *testing.T) []byte {
			return rawPackage(t, counties(1), huge(`{"counties":[{"code":"`, "a", `"}]}`, 4<<20))
		}, tampered, 8 << 20},
		{"数兆字节的数字", func(t *testing.T) []byte {
			return rawPackage(t, counties(1), huge(`{"counties":[{"code":`, "1", `}]}`, 4<<20))
		}, tampered, 8 << 20},
		{"数兆字节的键名", func(t *testing.T) []byte {
			return rawPackage(t, counties(1), huge(`{"`, "k", `":[]}`, 4<<20))
		}, tampered, 8 << 20},
		{"嵌套一百万层", func(t *testing.T) []byte {
			return rawPackage(t, counties(1), huge(`{"counties":`, "[", "", 1<<20))
		}, tampered, 8 << 20},
		{"声明解压后4GB", func(t *testing.T) []byte {
			z := rawPackage(t, counties(1), huge(`{"counties":[{}]`, " ", `}`, 10))
			return ziptest.SetDeclaredSize(t, z, dataName, 0xFFFFFFF0)
		}, tooLarge, 8 << 20},
		{"一万零一个文件", func(t *testing.T) []byte {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for i := 0; i <= 10_000; i++ {
				zw.Create(fmt.Sprint(i))
			}
			zw.Close()
			return buf.Bytes()
		}, tooLarge, 32 << 20},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "炸弹"+Ext)
			if err := os.WriteFile(path, c.data(t), 0o600); err != nil {
				t.Fatal(err)
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := Read(path, "")
			runtime.ReadMemStats(&after)
			if err == nil || !c.ok(err) {
				t.Fatalf("Read = %v", err)
			}
			if english := englishWords(err.Error()); english != "" {
				t.Errorf("English in %q", err)
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > c.maxAlloc {
				t.Errorf("refusing it allocated %d MB, want at most %d MB", got>>20, c.maxAlloc>>20)
			}
		})
	}
	t.Run("文件超过200MB", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "大"+Ext)
		os.WriteFile(path, nil, 0o600)
		if err := os.Truncate(path, 200<<20+1); err != nil {
			t.Fatal(err)
		}
		if _, err := Read(path, ""); !errors.Is(err, ErrTooLarge) {
			t.Fatalf("Read = %v", err)
		}
	})
}

// englishWords returns the English words of a message, names of files and
// formats aside.
func englishWords(msg string) string {
	msg = regexp.MustCompile(`[\w.]+\.(json|enc|xpkg)\b|SHA-256|zip`).ReplaceAllString(msg, "")
	return strings.Join(regexp.MustCompile(`[A-Za-z]{4,}`).FindAllString(msg, -1), " ")
}

// TestPackageRulesAreTheWorkbooks plants the same values in a package and
// in a workbook: the package reader accepts exactly what the workbook
// import accepts.
func TestPackageRulesAreTheWorkbooks(t *testing.T) {
	long := func(n int) string { return strings.Repeat("长", n) }
	for _, c := range []struct {
		name  string
		value string
		field string // 姓名, 事由, 人员编号, 身份证号 or 性别
		ok    bool
	}{
		{"姓名1000字", long(1000), "姓名", true},
		{"姓名1001字", long(1001), "姓名", false},
		{"姓名含ESC", "甲\x1b[2J", "姓名", false},
		{"姓名含NUL", "甲\x00乙", "姓名", false},
		{"姓名含DEL", "甲\x7f", "姓名", false},
		{"姓名含从右到左覆盖", "甲\u202e乙", "姓名", false},
		{"姓名是Excel错误值", "#N/A", "姓名", false},
		{"姓名含无法识别的字符", "甲\ufffd", "姓名", false},
		{"事由含制表符和换行", "甲\t乙\n丙", "事由", true},
		{"事由含回车换行", "甲\r\n乙", "事由", true},
		{"编码64字", "P" + strings.Repeat("1", 63), "人员编号", true},
		{"编码65字", "P" + strings.Repeat("1", 64), "人员编号", false},
		{"编码含制表符", "P\t1", "人员编号", false},
		{"编码全角", "Ｐ０１", "人员编号", true},
		{"身份证号校验位错", "110105194912310021", "身份证号", false},
		{"身份证号末位小写x", "11010519491231002x", "身份证号", true},
		{"性别", "未知", "性别", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			wbErr := workbookAccepts(t, c.field, c.value)
			pkgErr := packageAccepts(t, c.field, c.value)
			if (wbErr == nil) != c.ok || (pkgErr == nil) != c.ok {
				t.Fatalf("want accepted %v; workbook: %v; package: %v", c.ok, wbErr, pkgErr)
			}
		})
	}
}

// workbookAccepts imports one person (with a declaration) holding value in
// field.
func workbookAccepts(t *testing.T, field, value string) error {
	t.Helper()
	cell := map[string]string{"姓名": "甲", "人员编号": "P01", "身份证号": "", "性别": "", "事由": "曾任职"}
	cell[field] = value
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	dir := t.TempDir()
	files := map[string]string{
		"县区.csv":   "县区编码,县区名称\nC01,安平县\n",
		"单位.csv":   "单位编码,单位名称,县区编码,单位类别\nU01,安平镇,C01,乡镇街道\n",
		"人员.csv":   "人员编号,姓名,性别,身份证号,工作关系地\n" + strings.Join([]string{q(cell["人员编号"]), q(cell["姓名"]), q(cell["性别"]), q(cell["身份证号"]), "C01"}, ",") + "\n",
		"回避申报.csv": "人员编号,单位编码,事由\n" + q(cell["人员编号"]) + ",U01," + q(cell["事由"]) + "\n",
	}
	var paths []string
	for name, text := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(text), 0o600)
		paths = append(paths, p)
	}
	res, err := workbook.Import(emptyDB(t), paths, workbook.Options{})
	if err != nil {
		return err
	}
	if len(res.Problems) > 0 {
		return fmt.Errorf("%v", res.Problems)
	}
	return nil
}

// packageAccepts reads a package of one person (with a declaration)
// holding value in field.
func packageAccepts(t *testing.T, field, value string) error {
	t.Helper()
	p := Person{Code: "P01", Name: "甲", HomeCounty: "C01", Status: "在库"}
	x := Declaration{Person: "P01", Unit: "U01", Reason: "曾任职"}
	switch field {
	case "姓名":
		p.Name = value
	case "人员编号":
		p.Code, x.Person = value, value
	case "身份证号":
		p.IDNumber = value
	case "性别":
		p.Gender = value
	case "事由":
		x.Reason = value
	}
	d := &Data{Counties: []County{{Code: "C01", Name: "安平县"}}, Units: []Unit{{Code: "U01", Name: "安平镇", County: "C01", Category: "乡镇街道", Parent: ""}},
		People: []Person{p}, Declarations: []Declaration{x}}
	b, _, err := encode(d, []string{"C01"}, "", minScryptN, t0, false)
	if err != nil {
		t.Fatal(err)
	}
	_, err = decode(b, "")
	return err
}

// TestNotOwnRelativeInPackage refuses a package listing a person as their
// own relative, by person code and by ID number.
func TestNotOwnRelativeInPackage(t *testing.T) {
	for _, rel := range []Relative{
		{Person: "P01", Name: "乙", Relation: "配偶", RelativePerson: "P01"},
		{Person: "P01", Name: "乙", Relation: "配偶", IDNumber: "11010519491231002X"},
		{Person: "P01", Name: "乙", Relation: "配偶", IDNumber: "11010519491231002x"},
	} {
		d := smallData()
		d.People[0].IDNumber = "11010519491231002X"
		d.Relatives = []Relative{rel}
		b, _, err := encode(d, []string{"C01"}, "", minScryptN, t0, false)
		if err != nil {
			t.Fatal(err)
		}
		var inv *InvalidError
		if _, err := decode(b, ""); !errors.As(err, &inv) || !strings.Contains(err.Error(), "本人") {
			t.Errorf("%+v: %v", rel, err)
		}
	}
}

// TestWorkbookRowsPackageAndReimport imports a workbook whose values sit
// at the limits (1,000-character names, 64-character codes, line breaks
// in text, full-width codes, a lower-case x), packages everything, and
// imports the package into an empty office: the same data arrive.
func TestWorkbookRowsPackageAndReimport(t *testing.T) {
	dir := t.TempDir()
	name := strings.Repeat("名", fieldrule.MaxText)
	code := "P" + strings.Repeat("7", fieldrule.MaxCode-1)
	files := map[string]string{
		"县区.csv":   "县区编码,县区名称\n Ｃ０１ ,安平县\n",
		"单位.csv":   "单位编码,单位名称,县区编码,单位类别\nＵ０１,\"安平\r\n镇\",C01,乡镇街道\n",
		"人员.csv":   "人员编号,姓名,身份证号,工作关系地,现工作单位编码\n" + code + "," + name + ",11010519491231002x,C01,U01\nＰ０２,乙,,C01,\n",
		"亲属关系.csv": "人员编号,亲属姓名,关系,亲属人员编号\n" + code + ",乙,哥哥,Ｐ０２\n",
		"回避申报.csv": "人员编号,单位编码,事由\n" + code + ",U01,\"曾在\t该镇\n任职\"\n",
	}
	var paths []string
	for n, text := range files {
		p := filepath.Join(dir, n)
		os.WriteFile(p, []byte(text), 0o600)
		paths = append(paths, p)
	}
	src := emptyDB(t)
	res, err := workbook.Import(src, paths, workbook.Options{})
	if err != nil || len(res.Problems) > 0 || !res.Written {
		t.Fatalf("workbook: %v %v", err, res)
	}
	pkg := exportFile(t, src, "", "C01")
	dst := emptyDB(t)
	if _, err := Import(dst, pkg, "", "小李"); err != nil {
		t.Fatalf("package of imported rows refused: %v", err)
	}
	want, _, _ := loadAll(src)
	got, _, _ := loadAll(dst)
	if !equalData(want, got) {
		t.Fatalf("data differ:\n%+v\n%+v", want, got)
	}
	if p := got.People[1]; len(got.People) != 2 || p.Code != code || p.Name != name || p.IDNumber != "11010519491231002X" ||
		got.Units[0].Name != "安平\n镇" || got.Relatives[0].RelativePerson != "P02" {
		t.Errorf("people %d, units %+v, relatives %+v", len(got.People), got.Units, got.Relatives)
	}
}

func equalData(a, b *Data) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// makeInputs names a folder to write the package bombs of
// docs/BENCHMARKS.md into, for measuring `xuncha package import`:
//
//	go test ./app/datapkg -run '^TestMakeInputFiles$' -args -make-inputs DIR
var makeInputs = flag.String("make-inputs", "", "write the package bombs into this folder")

func TestMakeInputFiles(t *testing.T) {
	if *makeInputs == "" {
		t.Skip("-make-inputs not given")
	}
	empty := func(n int) func(w io.Writer) {
		return func(w io.Writer) {
			io.WriteString(w, `{"counties":[`)
			for i := 1; i < n; i++ {
				io.WriteString(w, `{},`)
			}
			io.WriteString(w, `{}]}`)
		}
	}
	// The largest data a package may hold: 80,000 people of 1,000-character
	// names, 250 MB of JSON.
	const n = 80_000
	long := func(w io.Writer) {
		name := strings.Repeat("名", 1000)
		io.WriteString(w, `{"counties":[{"code":"C01","name":"安平县"}],"people":[`)
		for i := 0; i < n; i++ {
			if i > 0 {
				io.WriteString(w, ",")
			}
			fmt.Fprintf(w, `{"code":"P%06d","name":"%s","homeCounty":"C01","status":"在库"}`, i, name)
		}
		io.WriteString(w, `]}`)
	}
	many := make([]int, len(Entities))
	many[0], many[3] = 1, n
	for name, b := range map[string][]byte{
		"pkg-10m-empty-declared1.xpkg":   rawPackage(t, counties(1), empty(10_000_000)),
		"pkg-10m-empty-declared10m.xpkg": rawPackage(t, counties(10_000_000), empty(10_000_000)),
		"pkg-80k-long-names.xpkg":        rawPackage(t, many, long),
	} {
		if err := os.WriteFile(filepath.Join(*makeInputs, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestShortPassphraseRefused refuses to make a package with a passphrase
// under MinPassphrase characters (spaces aside); no file is left.
func TestShortPassphraseRefused(t *testing.T) {
	src := demoDB(t)
	for _, pass := range []string{"1", "口令", "1234567", "  1234567  ", "甲乙丙丁戊己庚"} {
		path := filepath.Join(t.TempDir(), "p"+Ext)
		if _, err := export(src, []string{"C01"}, pass, path, minScryptN, t0, true); !errors.Is(err, ErrShortPassphrase) {
			t.Errorf("%q: %v", pass, err)
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%q: a file was left", pass)
		}
	}
	if _, err := export(src, []string{"C01"}, "甲乙丙丁戊己庚辛", filepath.Join(t.TempDir(), "p"+Ext), minScryptN, t0, true); err != nil {
		t.Errorf("8 characters: %v", err)
	}
}
