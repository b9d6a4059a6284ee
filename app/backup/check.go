package backup

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"xuncha/model"
)

// DamageError says a database file is damaged or is not a database of this
// program.
type DamageError struct {
	Path     string
	Problems []string // integrity_check's complaints, or why the file cannot be read
}

func (e *DamageError) Error() string {
	msg := strings.Join(e.Problems, "；")
	if len(e.Problems) > 3 {
		msg = strings.Join(e.Problems[:3], "；") + fmt.Sprintf("；…共 %d 处", len(e.Problems))
	}
	return fmt.Sprintf("数据库文件 %s 已损坏：%s", e.Path, msg)
}

// ErrNoGoodBackup is returned when no backup passes the check.
var ErrNoGoodBackup = errors.New("没有可用的完好备份")

// uri is the SQLite URI of path. A backup, which nobody writes, is opened
// read-only and immutable (no locks, no journal); the live database
// read-write, so that SQLite first recovers what a crash left in its WAL.
func uri(path string, immutable bool) string {
	p := filepath.ToSlash(path)
	if runtime.GOOS == "windows" && !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	p = strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(p)
	q := "?_pragma=busy_timeout(10000)"
	if immutable {
		q = "?mode=ro&immutable=1"
	}
	return "file:" + p + q
}

// openFile opens the existing database file at path without migrating it.
func openFile(path string, immutable bool) (*gorm.DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(abs); err != nil {
		return nil, fmt.Errorf("找不到文件 %s", path)
	}
	return gorm.Open(sqlite.Open(uri(abs, immutable)), &gorm.Config{Logger: logger.Discard})
}

// Check opens the database file at path read-only and checks that it is a
// sound database of this program: integrity_check passes, the schema
// version is known, and the tables are there. A backup is checked before it
// is offered or restored.
func Check(path string) error {
	return check(path, true)
}

func check(path string, immutable bool) error {
	db, err := openFile(path, immutable)
	if err != nil {
		return &DamageError{path, []string{err.Error()}}
	}
	defer model.Close(db)
	problems, err := model.IntegrityCheck(db)
	if err != nil {
		return &DamageError{path, []string{readable(err)}}
	}
	if len(problems) > 0 {
		return &DamageError{path, problems}
	}
	v, err := model.Version(db)
	if err != nil {
		return &DamageError{path, []string{readable(err)}}
	}
	if v == 0 {
		return &DamageError{path, []string{"不是本程序的数据库（没有版本记录）"}}
	}
	if v > model.SchemaVersion {
		return model.ErrNewerSchema
	}
	for _, t := range []any{&model.Person{}, &model.Unit{}, &model.User{}, &model.AuditEntry{}} {
		if !db.Migrator().HasTable(t) {
			return &DamageError{path, []string{fmt.Sprintf("缺少数据表 %T", t)}}
		}
	}
	return nil
}

// readable turns SQLite's complaint about a file into Chinese.
func readable(err error) string {
	s := err.Error()
	switch {
	case strings.Contains(s, "not a database"), strings.Contains(s, "file is encrypted"):
		return "不是数据库文件，或文件头已损坏"
	case strings.Contains(s, "malformed"):
		return "数据库结构已损坏（database disk image is malformed）"
	case strings.Contains(s, "unable to open"):
		return "无法打开文件"
	}
	return s
}

// NewestGood returns the newest backup of dbPath in dir that passes Check,
// with the damaged ones it passed over; ErrNoGoodBackup when none does.
func NewestGood(dir, dbPath string) (File, []error, error) {
	files, err := List(dir, dbPath)
	if err != nil {
		return File{}, nil, err
	}
	var bad []error
	for _, f := range files {
		if err := Check(f.Path); err != nil {
			bad = append(bad, err)
			continue
		}
		return f, bad, nil
	}
	return File{}, bad, ErrNoGoodBackup
}
