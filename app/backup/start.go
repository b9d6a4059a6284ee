package backup

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"xuncha/model"
)

// StartReport is what the integrity check at start found.
type StartReport struct {
	Path    string
	Damage  error  // nil when the database is sound or does not exist yet
	Folder  string // where backups were looked for
	Newest  *File  // the newest good backup, to offer for restore; nil when none
	Skipped []error
}

// OK reports whether the program may go on with the database.
func (r *StartReport) OK() bool { return r.Damage == nil }

// Message is what to tell the user when the check failed: what is wrong and
// what can be done.
func (r *StartReport) Message() string {
	if r.OK() {
		return "数据库完好"
	}
	if errors.Is(r.Damage, model.ErrNewerSchema) {
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
// offer and Restore to put back.
func CheckAtStart(dbPath string) *StartReport {
	r := &StartReport{Path: dbPath, Folder: Defaults().Folder(dbPath)}
	if _, err := os.Stat(dbPath); errors.Is(err, os.ErrNotExist) {
		return r
	}
	if dir := savedFolder(dbPath); dir != "" {
		r.Folder = dir
	}
	r.Damage = check(dbPath, false)
	if r.Damage == nil || errors.Is(r.Damage, model.ErrNewerSchema) {
		return r
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
	db, err := openFile(dbPath, false)
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
