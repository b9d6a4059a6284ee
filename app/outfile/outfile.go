// Package outfile writes the files the program hands out — exports,
// documents, records, backups, data packages — in one way: into a
// temporary file in the same folder, flushed to disk, then renamed over the
// target. A failure at any point (a full disk, a kill, a writer's error)
// leaves the previous file as it was and no half-written file under the
// target's name. A target that is a database file (the open database, a
// backup, their WAL) or an input of the same command is refused before
// anything is written.
//
// File modes: documents that people open and pass on (xlsx, CSV, PDF,
// JSON) are Document (0644); files that carry the whole data or password
// hashes (backups, data packages) are Private (0600). On Windows the modes
// mean nothing; the folder's permissions apply.
//
// Batch writes many files with one flush to disk for them all (the
// documents of a round). The package uses the standard library and, on
// Linux, golang.org/x/sys for that flush, so every package may write
// through it, the algorithmic ones included.
package outfile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The file modes of what the program writes.
const (
	Document os.FileMode = 0o644
	Private  os.FileMode = 0o600
)

// tmpSuffix ends the names of temporary files; staleAfter is the age after
// which a temporary file of the same target, left by a killed process, is
// removed by the next write.
const (
	tmpSuffix  = ".tmp"
	staleAfter = time.Hour
)

// Write writes the file at path with mode through fill, which writes the
// content to w, and puts it in place only when everything succeeded.
func Write(path string, mode os.FileMode, fill func(w io.Writer) error) error {
	return WritePath(path, mode, func(tmp string) error {
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(f, 64<<10)
		err = fill(bw)
		if err == nil {
			err = bw.Flush()
		}
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	})
}

// WriteBytes writes b to the file at path with mode, as Write does.
func WriteBytes(path string, b []byte, mode os.FileMode) error {
	return Write(path, mode, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// Copy copies the file src to path with mode, as Write writes.
func Copy(src, path string, mode os.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return failed(path, err)
	}
	defer in.Close()
	return Write(path, mode, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}

// WritePath is Write for a writer that wants a file name rather than a
// stream (SQLite's VACUUM INTO): fill creates the file tmp, which does not
// exist yet, in the target's folder; the file is then flushed, given mode
// and renamed over path.
func WritePath(path string, mode os.FileMode, fill func(tmp string) error) error {
	if err := Check(path); err != nil {
		return err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	removeStale(dir, globEscape(base))
	f, err := os.CreateTemp(dir, "."+base+".*"+tmpSuffix)
	if err != nil {
		return failed(path, err)
	}
	tmp := f.Name()
	f.Close()
	os.Remove(tmp) // fill creates it: VACUUM INTO wants a name that does not exist
	err = fill(tmp)
	if err == nil {
		err = syncFile(tmp)
	}
	if err == nil {
		err = os.Chmod(tmp, mode)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return failed(path, err)
	}
	SyncDir(dir)
	return nil
}

// syncFile flushes the file at path to disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// SyncDir flushes a folder's entries (a rename) where the system allows it.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// RemoveStale removes the temporary files that killed processes left in
// dir, more than an hour ago, for targets whose names match the glob
// pattern (backups named by the time, which no later write reuses).
func RemoveStale(dir, pattern string) { removeStale(dir, pattern) }

// removeStale removes the temporary files of the targets matching the glob
// pattern in dir that a killed process left more than staleAfter ago.
func removeStale(dir, pattern string) {
	matches, _ := filepath.Glob(filepath.Join(dir, "."+pattern+".*"+tmpSuffix))
	for _, m := range matches {
		if info, err := os.Stat(m); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > staleAfter {
			os.Remove(m)
		}
	}
}

func globEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`).Replace(s)
}

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// sidecars are the files SQLite and this program keep beside a database.
var sidecars = []string{"-wal", "-shm", "-journal", "-lock"}

// Check refuses path as the target of an output: a folder, a database file
// (SQLite's, whichever program's: the open database, a backup) or a file
// SQLite keeps beside one, or the same file as one of inputs (the files
// the same command reads). It compares files by identity, not by name: a
// different spelling of the same file is the same file.
func Check(path string, inputs ...string) error {
	info, err := os.Stat(path)
	if err == nil {
		if info.IsDir() {
			return fmt.Errorf("%s 是文件夹，请给出文件名 (a folder)", path)
		}
		if isDatabase(path) {
			return fmt.Errorf("%s 是数据库文件，不能用作输出文件，请换一个文件名 (refusing to overwrite a database)", path)
		}
		for _, in := range inputs {
			if ii, err := os.Stat(in); err == nil && os.SameFile(info, ii) {
				return fmt.Errorf("%s 是本命令读取的文件 %s，不能用作输出文件 (output is an input)", path, in)
			}
		}
	}
	for _, s := range sidecars {
		if db, ok := strings.CutSuffix(path, s); ok && isDatabase(db) {
			return fmt.Errorf("%s 是数据库 %s 的附属文件，不能用作输出文件 (refusing to overwrite a database's %s)", path, db, s)
		}
	}
	return nil
}

// isDatabase reports whether the file at path starts as an SQLite database.
func isDatabase(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, sqliteHeader)
}

// failed says in Chinese why saving path failed; the system's error stays
// reachable through errors.Is.
func failed(path string, err error) error {
	return &SaveError{Path: path, Why: why(err), Err: err}
}

// SaveError is a file that could not be saved; the previous file, if any,
// is unchanged.
type SaveError struct {
	Path, Why string
	Err       error
}

func (e *SaveError) Error() string {
	return fmt.Sprintf("无法保存 %s：%s（原有文件未改动）", e.Path, e.Why)
}

func (e *SaveError) Unwrap() error { return e.Err }

// why explains a system error in Chinese; the system's own words stay
// reachable through errors.Is and errors.As.
func why(err error) string {
	switch {
	case diskFull(err):
		return "磁盘空间已满"
	case tooLarge(err):
		return "文件超过系统允许的大小"
	case errors.Is(err, os.ErrPermission):
		return "没有写入权限，或文件正被其他程序（如 Excel、WPS）打开"
	case errors.Is(err, os.ErrNotExist):
		return "文件夹不存在"
	case inUse(err):
		return "文件正被其他程序（如 Excel、WPS）打开，请关闭后重试"
	}
	return err.Error()
}
