package datapkg

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/outfile"
	"xuncha/model"
)

// Export writes the data of the chosen counties (county codes) to a package
// at path, encrypted when passphrase is not empty, and returns its
// manifest. The file is written beside path and renamed into place, so a
// failed export leaves no half file.
func Export(db *gorm.DB, counties []string, passphrase, path string) (*Manifest, error) {
	return ExportAs(db, counties, passphrase, path, true)
}

// ExportAs is Export for a user who may (withClues) or may not hand clue
// rows on (线索管理): without, the package holds none and its manifest
// says so (CluesLeftOut).
func ExportAs(db *gorm.DB, counties []string, passphrase, path string, withClues bool) (*Manifest, error) {
	return export(db, counties, passphrase, path, scryptN, time.Now(), withClues)
}

func export(db *gorm.DB, counties []string, pass, path string, n int, now time.Time, withClues bool) (*Manifest, error) {
	if err := CheckPassphrase(pass); err != nil {
		return nil, err
	}
	var cs []string
	for _, c := range counties {
		if c = strings.TrimSpace(c); c != "" {
			cs = append(cs, c)
		}
	}
	slices.Sort(cs)
	cs = slices.Compact(cs)
	if len(cs) == 0 {
		return nil, ErrNoCounties
	}
	all, _, err := loadAll(db)
	if err != nil {
		return nil, err
	}
	d, err := selectCounties(all, cs)
	if err != nil {
		return nil, err
	}
	leftOut := !withClues && len(d.Clues) > 0
	if !withClues {
		d.Clues = nil
	}
	b, m, err := encode(d, cs, pass, n, now, leftOut)
	if err != nil {
		return nil, err
	}
	if err := outfile.WriteBytes(path, b, outfile.Private); err != nil {
		return nil, err
	}
	return m, nil
}

// encode builds the zip of a package: manifest.json, then the data.
func encode(d *Data, counties []string, pass string, n int, now time.Time, cluesLeftOut bool) ([]byte, *Manifest, error) {
	plain, err := json.Marshal(d)
	if err != nil {
		return nil, nil, err
	}
	m := &Manifest{Format: Format, Version: Version, Schema: model.SchemaVersion,
		Created: now.Format(audit.TimeLayout), Counties: counties, Counts: d.counts(), CluesLeftOut: cluesLeftOut}
	name, body, method := dataName, plain, zip.Deflate
	if pass != "" {
		var z bytes.Buffer
		w, _ := flate.NewWriter(&z, flate.DefaultCompression)
		w.Write(plain)
		w.Close()
		if body, err = seal(m, pass, z.Bytes(), n); err != nil {
			return nil, nil, err
		}
		name, method = encryptedName, zip.Store
	}
	sum := sha256.Sum256(body)
	m.Files = []FileSum{{Name: name, Size: int64(len(body)), SHA256: hex.EncodeToString(sum[:])}}
	mb, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range []struct {
		name   string
		body   []byte
		method uint16
	}{{manifestName, mb, zip.Deflate}, {name, body, method}} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: f.method, Modified: now})
		if err != nil {
			return nil, nil, err
		}
		if _, err := w.Write(f.body); err != nil {
			return nil, nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), m, nil
}
