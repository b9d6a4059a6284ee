package backup

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"xuncha/app/outfile"
	"xuncha/model"
)

// stampLayout is the timestamp in a backup's file name.
const stampLayout = "20060102-150405"

// File is one backup in the folder.
type File struct {
	Path string
	Name string
	Time time.Time // when it was made, from its name
	Size int64
	seq  int // its place among the backups of the same second
}

// base is the file name of dbPath without its extension: backups of
// xuncha.db are named xuncha-20260301-170000.db.
func base(dbPath string) string {
	b := filepath.Base(dbPath)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// FileName is the name of a backup of dbPath made at t.
func FileName(dbPath string, t time.Time) string {
	return base(dbPath) + "-" + t.Format(stampLayout) + ".db"
}

// parseName returns the time in a backup's name and its sequence number in
// that second, or false when name is not a backup of dbPath. A second
// backup in the same second has the suffix -2, a third -3 ….
func parseName(dbPath, name string) (time.Time, int, bool) {
	prefix := base(dbPath) + "-"
	if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".db") {
		return time.Time{}, 0, false
	}
	stamp := strings.TrimSuffix(strings.TrimPrefix(name, prefix), ".db")
	seq := 1
	if len(stamp) > len(stampLayout) {
		n, err := strconv.Atoi(strings.TrimPrefix(stamp[len(stampLayout):], "-"))
		if err != nil || n < 2 || stamp[len(stampLayout)] != '-' {
			return time.Time{}, 0, false
		}
		stamp, seq = stamp[:len(stampLayout)], n
	}
	t, err := time.ParseInLocation(stampLayout, stamp, time.Local)
	return t, seq, err == nil
}

// List returns the backups of dbPath in dir, newest first. A missing
// folder has none.
func List(dir, dbPath string) ([]File, error) {
	ents, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("无法读取备份文件夹 %s: %w", dir, err)
	}
	var out []File
	for _, e := range ents {
		t, seq, ok := parseName(dbPath, e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		f := File{Path: filepath.Join(dir, e.Name()), Name: e.Name(), Time: t, seq: seq}
		if info, err := e.Info(); err == nil {
			f.Size = info.Size()
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Time.Equal(out[j].Time) {
			return out[i].Time.After(out[j].Time)
		}
		return out[i].seq > out[j].seq
	})
	return out, nil
}

// Backup writes a consistent copy of db into dir, named with the time, and
// then deletes the oldest backups beyond keep (keep < 1: none deleted). The
// database stays in use meanwhile.
func Backup(db *gorm.DB, dir string, keep int) (File, error) {
	return backupAt(db, dir, keep, time.Now())
}

func backupAt(db *gorm.DB, dir string, keep int, now time.Time) (File, error) {
	dbPath, err := DBPath(db)
	if err != nil {
		return File{}, err
	}
	if dbPath == "" {
		return File{}, fmt.Errorf("内存数据库无法备份到文件夹")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return File{}, fmt.Errorf("无法创建备份文件夹 %s: %w", dir, err)
	}
	outfile.RemoveStale(dir, base(dbPath)+"-*.db")
	name := FileName(dbPath, now)
	for i := 2; exists(filepath.Join(dir, name)); i++ {
		name = fmt.Sprintf("%s-%s-%d.db", base(dbPath), now.Format(stampLayout), i)
	}
	path := filepath.Join(dir, name)
	if err := To(db, path); err != nil {
		return File{}, err
	}
	f := File{Path: path, Name: name, Time: now.Truncate(time.Second)}
	if info, err := os.Stat(path); err == nil {
		f.Size = info.Size()
	}
	if keep > 0 {
		if _, err := Rotate(dir, dbPath, keep); err != nil {
			return f, err
		}
	}
	return f, nil
}

// To writes a consistent copy of db to path while db stays in use, through
// a temporary file beside it: a backup cut short (a full disk, a kill)
// leaves no file, or a 0-byte one, under path. A database already at path
// is not overwritten. The copy is Private: it holds everything, password
// hashes included.
func To(db *gorm.DB, path string) error {
	return outfile.WritePath(path, outfile.Private, func(tmp string) error { return model.BackupTo(db, tmp) })
}

// Rotate deletes the oldest backups of dbPath in dir beyond the newest
// keep, and returns the names it deleted. keep < 1 deletes nothing (as in
// Backup): no setting may make it delete every backup.
func Rotate(dir, dbPath string, keep int) ([]string, error) {
	if keep < 1 {
		return nil, nil
	}
	files, err := List(dir, dbPath)
	if err != nil || len(files) <= keep {
		return nil, err
	}
	var gone []string
	for _, f := range files[keep:] {
		if err := os.Remove(f.Path); err != nil {
			return gone, fmt.Errorf("无法删除旧备份 %s: %w", f.Name, err)
		}
		gone = append(gone, f.Name)
	}
	return gone, nil
}

// DailyDue reports whether no backup of dbPath in dir was made on now's day.
func DailyDue(dir, dbPath string, now time.Time) (bool, error) {
	files, err := List(dir, dbPath)
	if err != nil {
		return false, err
	}
	today := now.Format("2006-01-02")
	return len(files) == 0 || files[0].Time.Format("2006-01-02") != today, nil
}

// DBPath returns the file behind db; "" for an in-memory database.
func DBPath(db *gorm.DB) (string, error) {
	path, err := model.DatabaseFile(db)
	if err != nil {
		return "", fmt.Errorf("无法确定数据库文件: %w", err)
	}
	return path, nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
