package datapkg

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"xuncha/app/audit"
	"xuncha/model"
)

func TestRoundTripAllCounties(t *testing.T) {
	src := demoDB(t)
	all, _, _ := loadAll(src)
	var codes []string
	for _, c := range all.Counties {
		codes = append(codes, c.Code)
	}
	for _, pass := range []string{"", "口令 correct horse"} {
		name := map[bool]string{true: "加密", false: "明文"}[pass != ""]
		t.Run(name, func(t *testing.T) {
			path := exportFile(t, src, pass, codes...)
			dst := emptyDB(t)
			pre, err := Preview(dst, path, pass)
			if err != nil {
				t.Fatal(err)
			}
			if tot := pre.Total(); tot.Added == 0 || tot.Updated+tot.Unchanged+tot.Conflicted != 0 || pre.Written {
				t.Fatalf("preview into an empty database: %+v", tot)
			}
			r, err := Import(dst, path, pass, "小李")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(r.Entities, pre.Entities) || !r.Written {
				t.Fatalf("import differs from its preview:\n%v\n%v", r.Lines(), pre.Lines())
			}
			got, _, _ := loadAll(dst)
			if !reflect.DeepEqual(got, all) {
				t.Fatal("the imported data differ from the exported")
			}
			again, err := Import(dst, path, pass, "小李")
			if err != nil {
				t.Fatal(err)
			}
			if tot := again.Total(); tot.Added+tot.Updated+tot.Conflicted != 0 {
				t.Fatalf("a second import changed something: %v", again.Lines())
			}
			if ps, _ := audit.Verify(dst); len(ps) != 0 {
				t.Fatalf("audit chain: %v", ps)
			}
		})
	}
}

func TestExportSelectsCounties(t *testing.T) {
	src := demoDB(t)
	path := exportFile(t, src, "", "C01")
	pkg, err := Read(path, "")
	if err != nil {
		t.Fatal(err)
	}
	d := pkg.Data
	for _, p := range d.People {
		if p.HomeCounty != "C01" {
			t.Fatalf("person %s of %s exported", p.Code, p.HomeCounty)
		}
	}
	units := set(nil)
	for _, u := range d.Units {
		units[u.Code] = true
	}
	for _, h := range d.History {
		if !units[h.Unit] {
			t.Fatalf("history names unit %s not in the package", h.Unit)
		}
	}
	if len(d.People) == 0 || len(d.Teams) == 0 || pkg.Manifest.Counties[0] != "C01" {
		t.Fatalf("package: %d people, %d teams", len(d.People), len(d.Teams))
	}
	// Into an empty office, members from other counties cannot be placed.
	r, err := Import(emptyDB(t), path, "", "小李")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range r.Conflicts {
		if c.Entity != EntMember || !strings.Contains(c.Reason, "既不在本库也不在数据包中") {
			t.Fatalf("unexpected conflict %+v", c)
		}
	}
	if _, err := Export(src, []string{"C99"}, "", path); err == nil || !strings.Contains(err.Error(), "C99 不存在") {
		t.Fatalf("unknown county: %v", err)
	}
	if _, err := Export(src, []string{" "}, "", path); !errors.Is(err, ErrNoCounties) {
		t.Fatalf("no county: %v", err)
	}
}

func TestPassphrases(t *testing.T) {
	src := demoDB(t)
	enc := exportFile(t, src, "正确口令-甲乙丙丁", "C02")
	plain := exportFile(t, src, "", "C02")
	cases := []struct {
		name, path, pass string
		want             error
	}{
		{"口令正确", enc, "正确口令-甲乙丙丁", nil},
		{"口令错误", enc, "错误口令", ErrBadPassphrase},
		{"未给口令", enc, "", ErrNeedPassphrase},
		{"明文包给了口令", plain, "正确口令-甲乙丙丁", ErrUnexpectedPass},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(c.path, c.pass)
			if !errors.Is(err, c.want) {
				t.Fatalf("Read = %v, want %v", err, c.want)
			}
		})
	}
	isEnc, m, err := Encrypted(enc)
	if err != nil || !isEnc || m.Counties[0] != "C02" {
		t.Fatalf("Encrypted = %v %+v %v", isEnc, m, err)
	}
	raw, _ := os.ReadFile(enc)
	pkg, _ := Read(enc, "正确口令-甲乙丙丁")
	for _, p := range pkg.Data.People[:20] {
		if p.IDNumber != "" && strings.Contains(string(raw), p.IDNumber) {
			t.Fatalf("the encrypted package shows the ID number of %s", p.Code)
		}
	}
}

// tamper returns a modified copy of a package.
type tamper func(t *testing.T, files map[string][]byte) string

func TestTamperedPackages(t *testing.T) {
	src := demoDB(t)
	plain := exportFile(t, src, "", "C03")
	enc := exportFile(t, src, "口令-甲乙丙丁戊己", "C03")
	raw, _ := os.ReadFile(plain)
	write := func(b []byte) string {
		p := filepath.Join(t.TempDir(), "x"+Ext)
		os.WriteFile(p, b, 0o600)
		return p
	}
	editManifest := func(files map[string][]byte, f func(m *Manifest)) {
		var m Manifest
		json.Unmarshal(files[manifestName], &m)
		f(&m)
		files[manifestName], _ = json.Marshal(m)
	}
	// reseal puts new data in with a matching checksum: only the content
	// rules can catch it.
	reseal := func(files map[string][]byte, edit func(d *Data)) {
		var d Data
		json.Unmarshal(files[dataName], &d)
		edit(&d)
		files[dataName], _ = json.Marshal(d)
		sum := sha256.Sum256(files[dataName])
		editManifest(files, func(m *Manifest) {
			m.Files[0].Size, m.Files[0].SHA256 = int64(len(files[dataName])), hex.EncodeToString(sum[:])
			m.Counts = d.counts()
		})
	}
	var tamperErr *TamperError
	var invalidErr *InvalidError
	isTamper := func(err error) bool { return errors.As(err, &tamperErr) }
	isInvalid := func(err error) bool { return errors.As(err, &invalidErr) }
	is := func(target error) func(error) bool { return func(err error) bool { return errors.Is(err, target) } }
	cases := []struct {
		name string
		path func() string
		pass string
		ok   func(error) bool
	}{
		{"截断一半", func() string { return write(raw[:len(raw)/2]) }, "", is(ErrNotPackage)},
		{"截去最后一字节", func() string { return write(raw[:len(raw)-1]) }, "", is(ErrNotPackage)},
		{"不是数据包", func() string { return write([]byte("PK\x03\x04 not really")) }, "", is(ErrNotPackage)},
		{"空文件", func() string { return write(nil) }, "", is(ErrNotPackage)},
		{"数据被改、校验值未改", func() string {
			f := entries(t, plain)
			f[dataName] = []byte(strings.Replace(string(f[dataName]), `"C03"`, `"C04"`, 1))
			return rezip(t, f)
		}, "", isTamper},
		{"数据被删去一行、校验值重算", func() string {
			f := entries(t, plain)
			reseal(f, func(d *Data) { d.People = d.People[1:] })
			editManifest(f, func(m *Manifest) { m.Counts[3].Rows++ })
			return rezip(t, f)
		}, "", isTamper},
		{"单位类别非法、校验值重算", func() string {
			f := entries(t, plain)
			reseal(f, func(d *Data) { d.Units[0].Category = "秘密机关" })
			return rezip(t, f)
		}, "", isInvalid},
		{"人员引用不存在的单位、校验值重算", func() string {
			f := entries(t, plain)
			reseal(f, func(d *Data) { d.People[0].CurrentUnit = "U9999" })
			return rezip(t, f)
		}, "", isInvalid},
		{"上级单位成环、校验值重算", func() string {
			f := entries(t, plain)
			reseal(f, func(d *Data) { d.Units[0].Parent, d.Units[1].Parent = d.Units[1].Code, d.Units[0].Code })
			return rezip(t, f)
		}, "", isInvalid},
		{"多出一个文件", func() string {
			f := entries(t, plain)
			f["evil.exe"] = []byte("MZ")
			return rezip(t, f, "evil.exe")
		}, "", isTamper},
		{"缺少数据文件", func() string {
			f := entries(t, plain)
			delete(f, dataName)
			return rezip(t, f)
		}, "", isTamper},
		{"更新版本的格式", func() string {
			f := entries(t, plain)
			editManifest(f, func(m *Manifest) { m.Version = Version + 1 })
			return rezip(t, f)
		}, "", is(ErrNewerFormat)},
		{"加密包改了县区清单", func() string {
			f := entries(t, enc)
			editManifest(f, func(m *Manifest) { m.Counties = []string{"C01"} })
			return rezip(t, f)
		}, "口令-甲乙丙丁戊己", is(ErrBadPassphrase)},
		{"加密包密文被改", func() string {
			f := entries(t, enc)
			f[encryptedName][40] ^= 1
			sum := sha256.Sum256(f[encryptedName])
			editManifest(f, func(m *Manifest) { m.Files[0].SHA256 = hex.EncodeToString(sum[:]) })
			return rezip(t, f)
		}, "口令-甲乙丙丁戊己", is(ErrBadPassphrase)},
		{"加密参数过大", func() string {
			f := entries(t, enc)
			editManifest(f, func(m *Manifest) { m.Encryption.N = 1 << 30 })
			return rezip(t, f)
		}, "口令-甲乙丙丁戊己", isTamper},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dst := demoDB(t)
			var before int64
			dst.Model(&model.AuditEntry{}).Count(&before)
			_, err := Import(dst, c.path(), c.pass, "小李")
			if err == nil || !c.ok(err) {
				t.Fatalf("Import = %v", err)
			}
			if msg := err.Error(); !strings.ContainsAny(msg, "数据包口令") {
				t.Fatalf("message not in Chinese: %q", msg)
			}
			var after int64
			dst.Model(&model.AuditEntry{}).Count(&after)
			if after != before {
				t.Fatal("a refused package wrote to the database")
			}
		})
	}
}
