package model

import (
	"errors"
	"fmt"
	"reflect"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Stamp is the optimistic-concurrency stamp of a record that forms edit
// (SPEC §13.1): its version, counted up by every save through
// SaveStamped, and who saved it last and when (StoredTimeLayout, UTC). A
// form keeps the stamp of the record it read; saving it over a record that
// someone else saved since is refused with who and when (ConflictError),
// never saved over. An entity takes part by embedding Stamp.
//
// The stamp is bookkeeping of the database, not data of the office: it
// is left out of JSON (audit entries, data packages, the headless face's
// outputs) and workbooks.
type Stamp struct {
	Version   int    `gorm:"not null;default:0" json:"-"`
	ChangedBy string `gorm:"size:64" json:"-"`
	ChangedAt string `gorm:"size:20" json:"-"`
}

func (s *Stamp) stamp() *Stamp { return s }

// Stamped is an entity that embeds Stamp.
type Stamped interface{ stamp() *Stamp }

// StampOf returns rec's stamp.
func StampOf(rec Stamped) Stamp { return *rec.stamp() }

// ConflictError refuses a save over a record someone else changed (or
// deleted) since it was read.
type ConflictError struct {
	By     string    // who saved the record last
	At     time.Time // when, in UTC; zero when the record says nothing
	Gone   bool      // the record was deleted meanwhile
	Record string    // which record, when a change covers several ("整改措施 Z1"); "" for 该记录
}

// ConflictTimeLayout is how the time of the other change is shown.
const ConflictTimeLayout = "2006-01-02 15:04"

func (e *ConflictError) Error() string {
	msg := ""
	switch {
	case e.Gone:
		msg = "该记录已被其他用户删除，请刷新后重试"
	case e.By == "" || e.At.IsZero():
		msg = "该记录已被其他用户修改，请刷新后重试"
	default:
		msg = fmt.Sprintf("该记录已被 %s 于 %s 修改，请刷新后重试", e.By, e.At.In(time.Local).Format(ConflictTimeLayout))
	}
	if e.Record != "" {
		msg = e.Record + "：" + msg
	}
	return msg
}

// Naming names the record a *ConflictError in err refuses (what: "整改措施
// Z1"), for a change that covers several records; err is returned as it is.
func Naming(err error, what string) error {
	var ce *ConflictError
	if errors.As(err, &ce) {
		ce.Record = what
	}
	return err
}

// SaveStamped writes rec (a pointer to an entity embedding Stamp, with
// its primary key) over its row inside tx, but only while the row's
// version is still the one rec was read with: the check and the write are
// one UPDATE … WHERE version = ?, so that of two clerks who read the same
// version only the first saves. rec's stamp becomes the new one (version
// + 1, by, now). Otherwise nothing is written, rec keeps its stamp and the
// answer is a *ConflictError naming who changed the record and when.
// Associations are not written.
//
// read is the stamp rec was read with: SaveStamped starts from it, so that
// a transaction run again (model.Transact) checks the same version.
func SaveStamped(tx *gorm.DB, rec Stamped, read Stamp, by string, now time.Time) error {
	st := rec.stamp()
	*st = Stamp{Version: read.Version + 1, ChangedBy: by, ChangedAt: now.UTC().Format(StoredTimeLayout)}
	res := tx.Model(rec).Where("version = ?", read.Version).Select("*").Omit(clause.Associations).Updates(rec)
	if res.Error == nil && res.RowsAffected == 1 {
		return nil
	}
	*st = read
	if res.Error != nil {
		return res.Error
	}
	return conflict(tx, rec)
}

// conflict is the refusal of a change of rec's row, which is no longer at
// the version the change was read with: who changed it last and when, or
// that it was deleted.
func conflict(tx *gorm.DB, rec Stamped) error {
	cur, found, err := currentStamp(tx, rec)
	if err != nil {
		return err
	}
	if !found {
		return &ConflictError{Gone: true}
	}
	return changedBy(cur)
}

// changedBy is the refusal of a change over a record whose stamp is now
// cur.
func changedBy(cur Stamp) *ConflictError {
	at, _ := time.Parse(StoredTimeLayout, cur.ChangedAt)
	return &ConflictError{By: cur.ChangedBy, At: at}
}

// Stale refuses a change made on a record as it was read with stamp read,
// when the record's stamp is now cur (read again inside the change's
// transaction): nil while it is still read's version, else a
// *ConflictError naming who changed it last and when.
func Stale(cur, read Stamp) error {
	if cur.Version == read.Version {
		return nil
	}
	return changedBy(cur)
}

// CheckStamp refuses, inside tx, a change that depends on rec's row (a
// pointer to an entity with its primary key) as it was read with stamp
// read, when the row changed or was deleted since: a *ConflictError, as
// SaveStamped's. Nothing is written; the row is read under tx's own
// guard (serializable on a server), so that a change committed after the
// check still conflicts.
func CheckStamp(tx *gorm.DB, rec Stamped, read Stamp) error {
	cur, found, err := currentStamp(tx, rec)
	switch {
	case err != nil:
		return err
	case !found:
		return &ConflictError{Gone: true}
	}
	return Stale(cur, read)
}

// DeleteStamped deletes rec's row inside tx only while its version is
// still read's: otherwise nothing is deleted and the answer is a
// *ConflictError, as SaveStamped's.
func DeleteStamped(tx *gorm.DB, rec Stamped, read Stamp) error {
	res := tx.Where("version = ?", read.Version).Delete(rec)
	if res.Error == nil && res.RowsAffected == 1 {
		return nil
	}
	if res.Error != nil {
		return res.Error
	}
	return conflict(tx, rec)
}

// Touch counts up, inside tx, the version of the rows of entity m (a
// pointer to an entity embedding Stamp) that where and args select, as
// changed by by at now: a change that writes a record's parts (a team's
// units) or writes it column by column, so that a form still open on
// what it read is refused on save.
func Touch(tx *gorm.DB, m Stamped, by string, now time.Time, where string, args ...any) error {
	return tx.Model(m).Where(where, args...).UpdateColumns(map[string]any{
		"version": gorm.Expr("version + 1"), "changed_by": by, "changed_at": now.UTC().Format(StoredTimeLayout)}).Error
}

// StampNew gives the new rows of an import their first stamp (version 1,
// the actor named by WithActor, now) before they are created; rows that
// already carry a stamp (a version above 0: a row that replaces one, its
// version counted up from it) and rows of an entity without Stamp are
// left as they are.
func StampNew[T any](tx *gorm.DB, rows []T) {
	if len(rows) == 0 {
		return
	}
	if _, ok := any(&rows[0]).(Stamped); !ok {
		return
	}
	st := NewStamp(Actor(tx), time.Now())
	for i := range rows {
		if p := any(&rows[i]).(Stamped).stamp(); p.Version == 0 {
			*p = st
		}
	}
}

// currentStamp reads the stamp of rec's row as it is in the database.
func currentStamp(tx *gorm.DB, rec Stamped) (Stamp, bool, error) {
	stmt := &gorm.Statement{DB: tx}
	if err := stmt.Parse(rec); err != nil {
		return Stamp{}, false, err
	}
	where := map[string]any{}
	rv := reflect.ValueOf(rec).Elem()
	for _, f := range stmt.Schema.PrimaryFields {
		v, _ := f.ValueOf(tx.Statement.Context, rv)
		where[f.DBName] = v
	}
	var rows []Stamp
	err := tx.Table(stmt.Schema.Table).Select("version, changed_by, changed_at").Where(where).Limit(1).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return Stamp{}, false, err
	}
	return rows[0], true, nil
}

// NewStamp is the stamp of a record created now by by.
func NewStamp(by string, now time.Time) Stamp {
	return Stamp{Version: 1, ChangedBy: by, ChangedAt: now.UTC().Format(StoredTimeLayout)}
}

// SetStamp gives rec a new record's stamp, before it is created.
func SetStamp(rec Stamped, by string, now time.Time) { *rec.stamp() = NewStamp(by, now) }

// actorKey is the setting of a transaction that names its user, for the
// stamps that Overwrite writes.
const actorKey = "xuncha:actor"

// WithActor names the user of the writes made through the returned tx
// (an import's), for Overwrite's stamps.
func WithActor(tx *gorm.DB, user string) *gorm.DB {
	return tx.Set(actorKey, user).Session(&gorm.Session{})
}

// Actor is the user WithActor named for tx's writes ("" when none).
func Actor(tx *gorm.DB) string {
	by, _ := tx.Get(actorKey)
	name, _ := by.(string)
	return name
}

// Overwrite saves rec (a pointer to an entity) over its row whatever the
// row's version, as an import does, or creates it when there is none. An
// entity embedding Stamp keeps its version counting up (version + 1, the
// actor named by WithActor, now): a form still open on the record it read
// is then refused on save, as after another clerk's save.
func Overwrite(tx *gorm.DB, rec any) error {
	s, ok := rec.(Stamped)
	if !ok {
		return tx.Save(rec).Error
	}
	name := Actor(tx)
	res := tx.Model(rec).Select("*").Omit(clause.Associations, "version", "changed_by", "changed_at").Updates(rec)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		SetStamp(s, name, time.Now())
		return tx.Omit(clause.Associations).Create(rec).Error
	}
	st := s.stamp()
	st.ChangedBy, st.ChangedAt = name, time.Now().UTC().Format(StoredTimeLayout)
	err := tx.Model(rec).UpdateColumns(map[string]any{
		"version": gorm.Expr("version + 1"), "changed_by": st.ChangedBy, "changed_at": st.ChangedAt}).Error
	if err != nil {
		return err
	}
	cur, _, err := currentStamp(tx, s)
	*st = cur
	return err
}
