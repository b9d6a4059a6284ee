package datapkg

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"reflect"
	"strings"

	"xuncha/app/fieldrule"
	"xuncha/app/safezip"
	"xuncha/app/vocab"
	"xuncha/model"
)

// Limits on what a package may make the reader unpack and hold: the file
// and its zip within the limits every input obeys (safezip.Defaults, SPEC
// §13.2), the manifest small, the data at most maxData bytes of JSON (a
// workbook's XML says the same in about five times the bytes) and
// maxRows rows in all, read element by element with no element over
// maxElement bytes. A package is refused as soon as it passes one, before
// the rest is read: ten million empty rows are refused at the first row
// the manifest does not count.
const (
	maxManifest = 1 << 20
	maxData     = 256 << 20
	maxRows     = 500_000
	maxElement  = 256 << 10
)

// Package is a package read and checked: its manifest and its data.
type Package struct {
	Manifest Manifest
	Data     *Data
}

// Encrypted reports whether the package at path is encrypted, so that the
// GUI asks for the passphrase only when one is needed; its manifest comes
// back too, for showing the counties and counts first.
func Encrypted(path string) (bool, *Manifest, error) {
	zr, err := open(path)
	if err != nil {
		return false, nil, err
	}
	defer zr.Close()
	m, _, err := manifest(zr)
	if err != nil {
		return false, nil, err
	}
	return m.Encryption != nil, m, nil
}

// Read reads the package at path, checks it against its manifest, decrypts
// it with passphrase when it is encrypted, and checks its rows.
func Read(path, passphrase string) (*Package, error) {
	zr, err := open(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return read(zr, passphrase)
}

// open opens the package's zip within the limits.
func open(path string) (*safezip.Reader, error) {
	zr, err := safezip.Open(path, safezip.Defaults())
	if err != nil {
		return nil, zipError(path, err)
	}
	return zr, nil
}

// zipError words a zip refused.
func zipError(path string, err error) error {
	var ze *safezip.Error
	switch {
	case !errors.As(err, &ze):
		return fmt.Errorf("无法读取数据包 %s: %w", path, err)
	case ze.Kind == safezip.NotZip:
		return ErrNotPackage
	case ze.Kind == safezip.TooLarge || ze.Kind == safezip.TooManyEntries || ze.Kind == safezip.TooMuchData:
		return fmt.Errorf("%w（%s）", ErrTooLarge, ze.Reason())
	}
	return &TamperError{ze.Entry, ze.Reason()}
}

// decode reads a package from its bytes.
func decode(b []byte, pass string) (*Package, error) {
	zr, err := safezip.New(bytes.NewReader(b), int64(len(b)), safezip.Defaults())
	if err != nil {
		return nil, zipError("", err)
	}
	return read(zr, pass)
}

// read reads and checks the package in zr.
func read(zr *safezip.Reader, pass string) (*Package, error) {
	m, files, err := manifest(zr)
	if err != nil {
		return nil, err
	}
	want := dataName
	if m.Encryption != nil {
		want = encryptedName
	}
	f := files[want]
	if len(m.Files) != 1 || m.Files[0].Name != want || f == nil || len(files) != 2 ||
		f.UncompressedSize64 != uint64(m.Files[0].Size) {
		return nil, &TamperError{manifestName, "文件清单与数据包内容不符"}
	}
	var d *Data
	switch {
	case m.Encryption != nil && pass == "":
		return nil, ErrNeedPassphrase
	case m.Encryption != nil:
		d, err = readSealed(zr, f, m, pass)
	case pass != "":
		return nil, ErrUnexpectedPass
	default:
		d, err = readPlain(zr, f, m)
	}
	if err != nil {
		return nil, err
	}
	confirmGrades(d)
	d.normalize()
	for i, c := range m.Counties {
		m.Counties[i] = fieldrule.Code(c)
	}
	if err := validate(d, m.Counties); err != nil {
		return nil, err
	}
	return &Package{Manifest: *m, Data: d}, nil
}

// readPlain decodes data.json as it is unpacked, its SHA-256 computed on
// the way; the data count only once the whole file has matched it.
func readPlain(zr *safezip.Reader, f *zip.File, m *Manifest) (*Data, error) {
	if f.UncompressedSize64 > maxData {
		return nil, ErrTooLarge
	}
	rc, err := zr.Open(f)
	if err != nil {
		return nil, zipError("", err)
	}
	defer rc.Close()
	h := sha256.New()
	d, perr := parseData(io.TeeReader(rc, h), m)
	// Read the rest for the checksum (and the zip's CRC): a damaged file
	// is reported as damaged even when its damage also broke the JSON.
	if _, err := io.Copy(h, rc); err != nil {
		return nil, zipError("", err)
	}
	if err := checkSum(h, m); err != nil {
		return nil, err
	}
	return d, perr
}

// readSealed checks, decrypts and decodes data.json.enc. The ciphertext is
// read whole (AES-GCM authenticates it whole) and decrypted in place; the
// JSON is decoded as it is inflated.
func readSealed(zr *safezip.Reader, f *zip.File, m *Manifest, pass string) (*Data, error) {
	body, err := zr.ReadAll(f, maxData)
	if err != nil {
		return nil, zipError("", err)
	}
	h := sha256.New()
	h.Write(body)
	if err := checkSum(h, m); err != nil {
		return nil, err
	}
	z, err := unseal(m, pass, body)
	if err != nil {
		return nil, err
	}
	r := flate.NewReader(bytes.NewReader(z))
	defer r.Close()
	d, err := parseData(io.LimitReader(r, maxData+1), m)
	if err != nil {
		return nil, err
	}
	if n, _ := io.Copy(io.Discard, io.LimitReader(r, 1)); n > 0 {
		return nil, &TamperError{encryptedName, "数据之后有多余内容"}
	}
	return d, nil
}

// checkSum compares what h hashed with the manifest.
func checkSum(h hash.Hash, m *Manifest) error {
	if hex.EncodeToString(h.Sum(nil)) != m.Files[0].SHA256 {
		return &TamperError{m.Files[0].Name, "SHA-256 校验值不符"}
	}
	return nil
}

// manifest reads and checks manifest.json, and returns the zip's files by
// name. The rows it declares are within the limits before any data is
// read.
func manifest(zr *safezip.Reader) (*Manifest, map[string]*zip.File, error) {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	mf := files[manifestName]
	if mf == nil {
		return nil, nil, ErrNotPackage
	}
	b, err := zr.ReadAll(mf, maxManifest)
	if err != nil {
		return nil, nil, zipError("", err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil || m.Format != Format {
		return nil, nil, ErrNotPackage
	}
	if m.Version > Version || m.Schema > model.SchemaVersion {
		return nil, nil, ErrNewerFormat
	}
	if m.Version < 1 || len(m.Counties) == 0 || !countsKnown(m.Counts) {
		return nil, nil, &TamperError{manifestName, "清单不完整"}
	}
	total := 0
	for i, c := range m.Counts {
		if c.Entity != Entities[i] || c.Rows < 0 {
			return nil, nil, &TamperError{manifestName, "清单的行数无效"}
		}
		if total += c.Rows; c.Rows > maxRows || total > maxRows {
			return nil, nil, fmt.Errorf("%w（清单声明的行数超过 %s 行）", ErrTooLarge, safezip.Count(maxRows))
		}
	}
	return &m, files, nil
}

// confirmGrades gives a grade without a state (a package written before
// 鉴定 had one) the state 确定, as the database's upgrade does.
func confirmGrades(d *Data) {
	for i := range d.Members {
		if m := &d.Members[i]; m.Evaluation != "" && m.EvalState == "" {
			m.EvalState = vocab.EvalConfirmed
		}
	}
}

// countsKnown reports whether a manifest counts the entities a package
// holds: those of Entities, in order, at least the first baseEntities (a
// package written before the later ones existed counts only those).
func countsKnown(cs []Count) bool {
	if len(cs) < baseEntities || len(cs) > len(Entities) {
		return false
	}
	for i, c := range cs {
		if c.Entity != Entities[i] {
			return false
		}
	}
	return true
}

// parseData decodes the data strictly — an unknown field is refused —
// element by element: each entity's rows go into a slice of the length
// the manifest declares, and one row more is refused at once.
func parseData(r io.Reader, m *Manifest) (*Data, error) {
	bad := func(err error) error {
		var te *TamperError
		if errors.As(err, &te) {
			return err
		}
		if errors.Is(err, errElement) {
			return &TamperError{dataName, err.Error()}
		}
		return &TamperError{dataName, "不是有效的数据（" + jsonMessage(err) + "）"}
	}
	dec := json.NewDecoder(&jsonGuard{r: r})
	dec.DisallowUnknownFields()
	if err := expect(dec, json.Delim('{')); err != nil {
		return nil, bad(err)
	}
	d := &Data{}
	seen := make([]bool, len(Entities))
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, bad(err)
		}
		key, _ := t.(string)
		i := indexOfKey(key)
		if i < 0 || seen[i] {
			return nil, &TamperError{dataName, fmt.Sprintf("有未知或重复的项“%.40s”", key)}
		}
		seen[i] = true
		n := 0 // an older manifest counts fewer entities: the data hold none of the others
		if i < len(m.Counts) {
			n = m.Counts[i].Rows
		}
		if err := d.decodeEntity(dec, i, n); err != nil {
			return nil, bad(err)
		}
	}
	for i, c := range m.Counts {
		if !seen[i] && c.Rows > 0 {
			return nil, countError(0, c.Rows)
		}
	}
	if err := expect(dec, json.Delim('}')); err != nil {
		return nil, bad(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &TamperError{dataName, "数据之后有多余内容"}
	}
	return d, nil
}

// indexOfKey returns the entity whose rows Data holds under JSON key k:
// the index of the field of Data, which is that of Entities; -1 for none.
func indexOfKey(k string) int {
	t := reflect.TypeFor[Data]()
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); name == k {
			return i
		}
	}
	return -1
}

// decodeEntity decodes the JSON array of the rows of entity i into the
// i-th field of d: exactly n rows (null is none), in a slice of that
// length, one row more refused before it is read.
func (d *Data) decodeEntity(dec *json.Decoder, i, n int) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if t == nil {
		return countError(0, n)
	}
	if t != json.Delim('[') {
		return errors.New("应为数组")
	}
	rows := reflect.ValueOf(d).Elem().Field(i)
	rows.Set(reflect.MakeSlice(rows.Type(), 0, n))
	for dec.More() {
		if rows.Len() == n {
			return countError(n+1, n)
		}
		v := reflect.New(rows.Type().Elem())
		if err := dec.Decode(v.Interface()); err != nil {
			return err
		}
		rows.Set(reflect.Append(rows, v.Elem()))
	}
	if err := expect(dec, json.Delim(']')); err != nil {
		return err
	}
	return countError(rows.Len(), n)
}

// countError is rows that do not match the manifest's count.
func countError(got, want int) error {
	if got == want {
		return nil
	}
	return &TamperError{dataName, "行数与清单不符"}
}

// expect reads one token, which must be want.
func expect(dec *json.Decoder, want json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if t != want {
		return fmt.Errorf("应为 %v", want)
	}
	return nil
}

// jsonMessage keeps the position of a JSON error and drops its English.
func jsonMessage(err error) string {
	var se *json.SyntaxError
	var ue *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("第 %d 字节处格式错误", se.Offset)
	case errors.As(err, &ue):
		return fmt.Sprintf("字段 %s 的类型不对", ue.Field)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "数据不完整"
	}
	if s := err.Error(); len(s) > 14 && s[:14] == "json: unknown " {
		return "有未知字段"
	}
	return "格式错误"
}

// errElement is a row of the data over maxElement bytes, or nested deeper
// than any row is.
var errElement = errors.New("有一行数据过长或嵌套过深")

// jsonGuard sits between the data and encoding/json, whose Decoder holds a
// whole value in memory before decoding it: it refuses a row (an element
// of the top-level arrays), a string or a literal over maxElement bytes,
// and nesting deeper than any row has, as they stream past.
type jsonGuard struct {
	r             io.Reader
	depth         int
	inString, esc bool
	run, elem     int
}

// maxDepth is the nesting of the data: the object, its arrays, their rows.
const maxDepth = 3

func (g *jsonGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if gerr := g.scan(p[:n]); gerr != nil {
		return 0, gerr
	}
	return n, err
}

func (g *jsonGuard) scan(b []byte) error {
	for _, c := range b {
		if g.depth >= maxDepth {
			if g.elem++; g.elem > maxElement {
				return errElement
			}
		}
		if g.inString {
			switch {
			case g.esc:
				g.esc = false
			case c == '\\':
				g.esc = true
			case c == '"':
				g.inString = false
			}
			if g.run++; g.run > maxElement {
				return errElement
			}
			continue
		}
		switch c {
		case '"':
			g.inString, g.run = true, 0
		case '{', '[':
			if g.depth++; g.depth == maxDepth {
				g.elem = 1
			}
			if g.depth > maxDepth {
				return errElement
			}
		case '}', ']':
			g.depth--
		case ',', ':', ' ', '\t', '\r', '\n':
			g.run = 0
		default:
			if g.run++; g.run > maxElement {
				return errElement
			}
		}
	}
	return nil
}
