package outfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// files lists the names in dir.
func files(t *testing.T, dir string) string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return strings.Join(names, " ")
}

func TestWriteModesAndNoTemporaryLeft(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		mode os.FileMode
	}{{"名单.xlsx", Document}, {"备份.db", Private}} {
		path := filepath.Join(dir, c.name)
		if err := WriteBytes(path, []byte("内容"), c.mode); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if runtime.GOOS != "windows" && info.Mode().Perm() != c.mode {
			t.Errorf("%s: mode %v, want %v", c.name, info.Mode().Perm(), c.mode)
		}
	}
	if got := files(t, dir); got != "名单.xlsx 备份.db" {
		t.Fatalf("folder holds %s", got)
	}
}

// A writer that fails half-way (here: the disk fills after 300 KB) leaves
// the previous file byte for byte and nothing else.
func TestFailedWriteKeepsThePreviousFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "人员.csv")
	good := []byte("人员编号,姓名\r\nP001,张三\r\n")
	if err := WriteBytes(path, good, Document); err != nil {
		t.Fatal(err)
	}
	err := Write(path, Document, func(w io.Writer) error {
		for range 300 {
			if _, err := w.Write(bytes.Repeat([]byte("x"), 1024)); err != nil {
				return err
			}
		}
		return fmt.Errorf("write: %w", syscall.ENOSPC)
	})
	if err == nil || !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "磁盘空间已满") || !strings.Contains(err.Error(), "原有文件未改动") {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, good) {
		t.Fatalf("previous file changed: %q", b)
	}
	if got := files(t, dir); got != "人员.csv" {
		t.Fatalf("folder holds %s", got)
	}
	// A new file that fails is not created at all, not even empty.
	if err := Write(filepath.Join(dir, "新.pdf"), Document, func(io.Writer) error { return errors.New("字体缺失") }); err == nil {
		t.Fatal("no error")
	}
	if got := files(t, dir); got != "人员.csv" {
		t.Fatalf("folder holds %s", got)
	}
}

// A killed writer's temporary file is removed by a later write of the same
// target once it is old; a fresh one (another process still writing) stays.
func TestStaleTemporaryRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "审计日志.xlsx")
	old := filepath.Join(dir, ".审计日志.xlsx.123"+tmpSuffix)
	fresh := filepath.Join(dir, ".审计日志.xlsx.456"+tmpSuffix)
	other := filepath.Join(dir, ".别的.xlsx.789"+tmpSuffix)
	for _, p := range []string{old, fresh, other} {
		os.WriteFile(p, []byte("半截"), 0o600)
	}
	long := time.Now().Add(-2 * staleAfter)
	os.Chtimes(old, long, long)
	os.Chtimes(other, long, long)
	if err := WriteBytes(path, []byte("x"), Document); err != nil {
		t.Fatal(err)
	}
	want := ".别的.xlsx.789.tmp .审计日志.xlsx.456.tmp 审计日志.xlsx"
	if got := files(t, dir); got != want {
		t.Fatalf("folder holds\n %s\nwant\n %s", got, want)
	}
}

// Check refuses a folder, a database and the files beside it, and an input
// of the same command under any spelling; anything else may be written.
func TestCheckRefusesDatabasesAndInputs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "xuncha.db")
	os.WriteFile(db, append([]byte("SQLite format 3\x00"), make([]byte, 84)...), 0o600)
	os.WriteFile(db+"-wal", make([]byte, 32), 0o600)
	book := filepath.Join(dir, "名单.xlsx")
	os.WriteFile(book, []byte("PK"), 0o600)
	os.Mkdir(filepath.Join(dir, "sub"), 0o700)
	link := filepath.Join(dir, "别名.xlsx")
	if err := os.Link(book, link); err != nil {
		t.Fatal(err)
	}
	refused := []struct {
		name, path string
		inputs     []string
		want       string
	}{
		{"打开的数据库", db, nil, "是数据库文件"},
		{"数据库换一种写法", filepath.Join(dir, "sub", "..", "xuncha.db"), nil, "是数据库文件"},
		{"数据库的WAL", db + "-wal", nil, "附属文件"},
		{"数据库的共享内存", db + "-shm", nil, "附属文件"},
		{"文件夹", filepath.Join(dir, "sub"), nil, "文件夹"},
		{"输入的工作簿", book, []string{book}, "本命令读取的文件"},
		{"输入的另一种写法", dir + "/sub/../名单.xlsx", []string{book}, "本命令读取的文件"},
		{"输入的硬链接", link, []string{book}, "本命令读取的文件"},
	}
	for _, c := range refused {
		if err := Check(c.path, c.inputs...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Check = %v", c.name, err)
		}
	}
	for _, p := range []string{filepath.Join(dir, "新.xlsx"), book} {
		if err := Check(p, filepath.Join(dir, "other.xlsx")); err != nil {
			t.Errorf("Check(%s) = %v", p, err)
		}
	}
	if err := WriteBytes(db, []byte("{}"), Document); err == nil {
		t.Fatal("wrote over a database")
	}
	if b, _ := os.ReadFile(db); !bytes.HasPrefix(b, []byte("SQLite format 3")) {
		t.Fatal("database overwritten")
	}
}
