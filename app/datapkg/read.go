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
	"io"
	"os"
	"slices"

	"xuncha/app/vocab"
	"xuncha/model"
)

// Limits on what a package may make the reader hold.
const (
	maxPackage  = 1 << 30 // the file
	maxManifest = 1 << 20
	maxData     = 1 << 30 // the data, after decompression
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
	b, err := readFile(path)
	if err != nil {
		return false, nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return false, nil, ErrNotPackage
	}
	m, _, err := manifest(zr)
	if err != nil {
		return false, nil, err
	}
	return m.Encryption != nil, m, nil
}

// Read reads the package at path, checks it against its manifest, decrypts
// it with passphrase when it is encrypted, and checks its rows.
func Read(path, passphrase string) (*Package, error) {
	b, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return decode(b, passphrase)
}

func readFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取数据包 %s: %w", path, err)
	}
	if info.Size() > maxPackage {
		return nil, ErrTooLarge
	}
	return os.ReadFile(path)
}

// decode reads a package from its bytes.
func decode(b []byte, pass string) (*Package, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, ErrNotPackage
	}
	m, files, err := manifest(zr)
	if err != nil {
		return nil, err
	}
	want := dataName
	if m.Encryption != nil {
		want = encryptedName
	}
	if len(m.Files) != 1 || m.Files[0].Name != want || files[want] == nil || len(files) != 2 {
		return nil, &TamperError{manifestName, "文件清单与数据包内容不符"}
	}
	body, err := readEntry(files[want], maxData)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(body)
	if int64(len(body)) != m.Files[0].Size || hex.EncodeToString(sum[:]) != m.Files[0].SHA256 {
		return nil, &TamperError{want, "SHA-256 校验值不符"}
	}
	plain := body
	switch {
	case m.Encryption != nil && pass == "":
		return nil, ErrNeedPassphrase
	case m.Encryption != nil:
		z, err := unseal(m, pass, body)
		if err != nil {
			return nil, err
		}
		if plain, err = inflate(z); err != nil {
			return nil, err
		}
	case pass != "":
		return nil, ErrUnexpectedPass
	}
	d, err := parseData(plain)
	if err != nil {
		return nil, err
	}
	// an older manifest counts fewer entities: the data hold none of the others
	if cs := d.counts(); !slices.Equal(cs[:len(m.Counts)], m.Counts) || slices.ContainsFunc(cs[len(m.Counts):], func(c Count) bool { return c.Rows > 0 }) {
		return nil, &TamperError{want, "行数与清单不符"}
	}
	confirmGrades(d)
	if err := validate(d, m.Counties); err != nil {
		return nil, err
	}
	return &Package{Manifest: *m, Data: d}, nil
}

// manifest reads and checks manifest.json, and returns the zip's files by
// name.
func manifest(zr *zip.Reader) (*Manifest, map[string]*zip.File, error) {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		if files[f.Name] != nil {
			return nil, nil, &TamperError{f.Name, "文件重复"}
		}
		files[f.Name] = f
	}
	mf := files[manifestName]
	if mf == nil {
		return nil, nil, ErrNotPackage
	}
	b, err := readEntry(mf, maxManifest)
	if err != nil {
		return nil, nil, err
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

// readEntry reads one file of the zip, at most limit bytes, checking the
// zip's own CRC.
func readEntry(f *zip.File, limit int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, ErrTooLarge
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &TamperError{f.Name, "无法读取"}
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	switch {
	case errors.Is(err, zip.ErrChecksum):
		return nil, &TamperError{f.Name, "CRC 校验不符"}
	case err != nil:
		return nil, &TamperError{f.Name, "内容不完整"}
	case int64(len(b)) > limit:
		return nil, ErrTooLarge
	}
	return b, nil
}

// inflate undoes the compression applied before encryption.
func inflate(z []byte) ([]byte, error) {
	r := flate.NewReader(bytes.NewReader(z))
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, maxData+1))
	if err != nil {
		return nil, &TamperError{encryptedName, "解压失败"}
	}
	if len(b) > maxData {
		return nil, ErrTooLarge
	}
	return b, nil
}

// parseData decodes the data file strictly: an unknown field is refused.
func parseData(b []byte) (*Data, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var d Data
	if err := dec.Decode(&d); err != nil {
		return nil, &TamperError{dataName, "不是有效的数据（" + err.Error() + "）"}
	}
	if dec.More() {
		return nil, &TamperError{dataName, "数据之后有多余内容"}
	}
	return &d, nil
}
