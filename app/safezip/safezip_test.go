package safezip

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"testing"
)

// zipOf writes entries (name, content) as a zip, stored or deflated.
func zipOf(t *testing.T, method uint16, entries ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i+1 < len(entries); i += 2 {
		fw, err := w.CreateHeader(&zip.FileHeader{Name: entries[i], Method: method})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(fw, entries[i+1])
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func kindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

// readAll opens b within lim and reads every entry through.
func readAll(b []byte, lim Limits) error {
	r, err := New(bytes.NewReader(b), int64(len(b)), lim)
	if err != nil {
		return err
	}
	for _, f := range r.File {
		if err := r.Verify(f); err != nil {
			return err
		}
	}
	return nil
}

func TestLimitsAndDamage(t *testing.T) {
	lim := Limits{File: 1 << 20, Entries: 3, Unpacked: 1000}
	good := zipOf(t, zip.Deflate, "a.xml", "<a/>", "b.xml", "<b/>")
	many := zipOf(t, zip.Store, "1", "x", "2", "x", "3", "x", "4", "x")
	// A directory of a hundred entries whose end record claims one: its
	// bytes give it away before archive/zip reads it.
	var hundred []string
	for i := 0; i < 100; i++ {
		hundred = append(hundred, fmt.Sprint(i), "")
	}
	lying := zipOf(t, zip.Store, hundred...)
	end := bytes.LastIndex(lying, []byte("PK\x05\x06"))
	binary.LittleEndian.PutUint16(lying[end+8:], 1)
	binary.LittleEndian.PutUint16(lying[end+10:], 1)
	stored := zipOf(t, zip.Store, "a.xml", "<abcdef/>")
	flipped := bytes.Replace(stored, []byte("<abcdef/>"), []byte("<abcdeF/>"), 1)
	noCRC := append([]byte(nil), stored...)
	dir := bytes.LastIndex(noCRC, []byte("PK\x01\x02"))
	binary.LittleEndian.PutUint32(noCRC[dir+16:], 0)
	local := bytes.Index(noCRC, []byte("PK\x03\x04"))
	binary.LittleEndian.PutUint32(noCRC[local+14:], 0)
	for _, c := range []struct {
		name string
		data []byte
		lim  Limits
		want Kind
	}{
		{"正常", good, lim, 0},
		{"不是zip", []byte("not a zip at all, just text"), lim, NotZip},
		{"空文件", nil, lim, NotZip},
		{"截断", good[:len(good)-5], lim, NotZip},
		{"文件过大", good, Limits{File: 100, Entries: 3, Unpacked: 1000}, TooLarge},
		{"条目过多", many, lim, TooManyEntries},
		{"结束记录少报条目", lying, lim, TooManyEntries},
		{"解压后过大", zipOf(t, zip.Deflate, "a", string(make([]byte, 1001))), lim, TooMuchData},
		{"合计解压后过大", zipOf(t, zip.Deflate, "a", string(make([]byte, 600)), "b", string(make([]byte, 600))), lim, TooMuchData},
		{"重名", zipOf(t, zip.Store, "a", "1", "a", "2"), lim, Duplicate},
		{"CRC不符", flipped, lim, Damaged},
		{"CRC为0", noCRC, lim, Damaged},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := readAll(c.data, c.lim)
			if got := kindOf(err); got != c.want || (c.want == 0) != (err == nil) {
				t.Fatalf("err %v (kind %d), want kind %d", err, got, c.want)
			}
		})
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1_048_576: "1,048,576", -1234: "-1,234"} {
		if got := Count(n); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
	for n, want := range map[int64]string{200 << 20: "200 MB", 1 << 30: "1 GB", 128 << 10: "128 KB", 12: "12 字节"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
	e := &Error{Kind: TooMuchData, Entry: "xl/a.xml", Limit: 1 << 30}
	if e.Error() != "xl/a.xml："+e.Reason() || e.Reason() != fmt.Sprintf("解压后超过 %s，拒绝读取", "1 GB") {
		t.Errorf("%q", e.Error())
	}
}
