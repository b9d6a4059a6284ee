package backup

import (
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

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

// UnreadableError says a database file could not be checked for a reason
// that is not damage: another program holds it locked, the disk or the
// share failed, access is denied, a restore is under way. The file may well
// be sound, so nothing is offered to replace it; trying again later (or
// after closing the other program) is the way out.
type UnreadableError struct {
	Path string
	Err  error
}

func (e *UnreadableError) Error() string {
	why, ok := model.Explain(e.Err)
	if !ok {
		why = e.Err.Error()
	}
	return fmt.Sprintf("暂时无法检查数据库文件 %s：%s", e.Path, why)
}

func (e *UnreadableError) Unwrap() error { return e.Err }

// ErrNoGoodBackup is returned when no backup passes the check.
var ErrNoGoodBackup = errors.New("没有可用的完好备份")

// Check opens the database file at path read-only and checks that it is a
// sound database of this program: integrity_check passes, the schema
// version is known, and the tables are there. A backup is checked before it
// is offered or restored. Whatever keeps a backup from being used is a
// *DamageError, but for a newer program's file (model.ErrNewerSchema). A
// file with a WAL beside it is read with its WAL, as a restore copies it.
func Check(path string) error {
	db, err := model.OpenReadOnly(path, !exists(path+"-wal"))
	if err != nil {
		return &DamageError{path, []string{err.Error()}}
	}
	defer model.Close(db)
	err = checkDB(db, path)
	var ue *UnreadableError
	var no *model.NotOursError
	switch {
	case errors.As(err, &ue):
		return &DamageError{path, []string{readable(ue.Err)}}
	case errors.As(err, &no):
		return &DamageError{path, []string{"不是本程序的数据库（" + no.Why + "）"}}
	}
	return err
}

// checkLive checks the live database at path as Check does a backup, but
// opened read-write (so that SQLite first recovers what a crash left in its
// WAL) under the shared lock, and telling damage (*DamageError) from a file
// that cannot be checked now (*UnreadableError) and from another program's
// file (*model.NotOursError), which is no damage to repair by a restore.
func checkLive(path string) error {
	db, err := model.OpenToCheck(path)
	if err != nil {
		return classify(path, err)
	}
	defer model.Close(db)
	return checkDB(db, path)
}

// checkDB checks an open database.
func checkDB(db *gorm.DB, path string) error {
	problems, err := model.IntegrityCheck(db)
	if err != nil {
		return classify(path, err)
	}
	if len(problems) > 0 {
		return &DamageError{path, problems}
	}
	v, err := model.Identify(db, path, false)
	if err != nil {
		var no *model.NotOursError
		if errors.As(err, &no) {
			return err
		}
		return classify(path, err)
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

// classify sorts an error met while checking the file at path: damage, or
// a condition that says nothing about the file's state.
func classify(path string, err error) error {
	if model.Damaged(err) {
		return &DamageError{path, []string{readable(err)}}
	}
	return &UnreadableError{path, err}
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
	if why, ok := model.Explain(err); ok {
		return why
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
