package backup

import (
	"encoding/json"
	"errors"
	"fmt"

	"xuncha/model"
)

// StartReport is what the integrity check at start found.
type StartReport struct {
	Path    string
	Damage  error  // the file is damaged (*DamageError) or a newer program's; nil otherwise
	Problem error  // the file could not be checked (*UnreadableError) or is another program's (*model.NotOursError)
	Folder  string // where backups were looked for
	Newest  *File  // the newest good backup, to offer for restore; nil when none
	Skipped []error
}

// OK reports whether the program may go on with the database.
func (r *StartReport) OK() bool { return r.Damage == nil && r.Problem == nil }

// Restorable reports whether the database is damaged, so that a backup
// may be put in its place without signing in. A file that could not be
// checked, another program's file or a newer program's is not.
func (r *StartReport) Restorable() bool {
	return r.Damage != nil && !errors.Is(r.Damage, model.ErrNewerSchema)
}

// Message is what to tell the user when the check failed: what is wrong and
// what can be done.
func (r *StartReport) Message() string {
	switch {
	case r.OK():
		return "数据库完好"
	case r.Problem != nil:
		return r.Problem.Error()
	case errors.Is(r.Damage, model.ErrNewerSchema):
		return r.Damage.Error()
	}
	msg := r.Damage.Error() + "。\n"
	if r.Newest == nil {
		return msg + fmt.Sprintf("在 %s 中没有找到完好的备份。请联系管理员，或从其他位置选择备份文件恢复。", r.Folder)
	}
	msg += fmt.Sprintf("最近的完好备份是 %s（%s）。恢复后，此后的修改将丢失；损坏的文件会保留为 %s。",
		r.Newest.Name, r.Newest.Time.Format("2006-01-02 15:04"), r.Path+AsideSuffix)
	if len(r.Skipped) > 0 {
		msg += fmt.Sprintf("（跳过了 %d 个已损坏的较新备份）", len(r.Skipped))
	}
	return msg
}

// CheckAtStart runs the integrity check on the database at dbPath before the
// program uses it. When the file is damaged, the report names the newest
// good backup in the backup folder (read from the file's settings when they
// can still be read, else the default folder beside it), for the GUI to
// offer and RestoreDamaged to put back. A file that is locked by another
// program, or on a disk that fails, is reported as a Problem, not as
// damage: it may be sound, and nothing is offered to replace it.
func CheckAtStart(dbPath string) *StartReport {
	r := &StartReport{Path: dbPath, Folder: Defaults().Folder(dbPath)}
	if missing(dbPath) {
		return r
	}
	err := checkLive(dbPath)
	var de *DamageError
	switch {
	case err == nil:
		return r
	case errors.Is(err, model.ErrNewerSchema):
		r.Damage = err
		return r
	case !errors.As(err, &de):
		r.Problem = err
		return r
	}
	r.Damage = err
	if dir := savedFolder(dbPath); dir != "" {
		r.Folder = dir
	}
	f, skipped, err := NewestGood(r.Folder, dbPath)
	r.Skipped = skipped
	if err == nil {
		r.Newest = &f
	}
	return r
}

// savedFolder reads the backup folder from the settings of the database at
// dbPath; "" when they cannot be read.
func savedFolder(dbPath string) string {
	db, err := model.OpenToCheck(dbPath)
	if err != nil {
		return ""
	}
	defer model.Close(db)
	var row model.Setting
	if db.Where("key = ?", SettingKey).Limit(1).Find(&row).Error != nil || row.Value == "" {
		return ""
	}
	s := Defaults()
	if json.Unmarshal([]byte(row.Value), &s) != nil || s.Validate() != nil {
		return ""
	}
	return s.Folder(dbPath)
}
