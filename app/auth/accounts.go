package auth

import (
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/vocab"
	"xuncha/model"
)

// MaxFailures wrong passwords in a row lock an account for LockFor.
const (
	MaxFailures = 5
	LockFor     = 15 * time.Minute
)

// Account is what may be shown of a user: never the password hash.
type Account struct {
	Name         string
	Role         string
	FailedLogins int
	LockedUntil  time.Time   // zero when never locked
	ClueRight    bool        // 线索管理 granted (a 管理员 has it anyway)
	Stamp        model.Stamp // counted up by a 管理员's change (role, 线索管理, password)
}

// Locked reports whether the account is locked at now.
func (a Account) Locked(now time.Time) bool { return now.Before(a.LockedUntil) }

// LockedText is when the lock ends, in local time; "" when never locked.
func (a Account) LockedText() string {
	if a.LockedUntil.IsZero() {
		return ""
	}
	return a.LockedUntil.Local().Format(audit.TimeLayout)
}

// account is what may be shown of u.
func account(u model.User) Account {
	return Account{Name: u.Name, Role: u.Role, FailedLogins: u.FailedLogins, LockedUntil: lockEnd(u.LockedUntil), ClueRight: u.ClueRight,
		Stamp: u.Stamp}
}

// lockEnd is the instant a stored lock ends (stored in UTC, see
// audit.Stored). A value without zone, which only a file from before
// version 2 holds and the migration rewrites, is read in the zone furthest
// west, where it ends last.
func lockEnd(until string) time.Time {
	if until == "" {
		return time.Time{}
	}
	if t, ok := audit.ParseStored(until); ok {
		return t
	}
	t, err := time.ParseInLocation(audit.TimeLayout, until, time.FixedZone("UTC-12", -12*3600))
	if err != nil {
		return time.Time{}
	}
	return t
}

// HasUsers reports whether any account exists. A database without accounts
// is open: anybody may do anything, as on first start.
func HasUsers(db *gorm.DB) (bool, error) {
	var n int64
	if err := db.Model(&model.User{}).Count(&n).Error; err != nil {
		return false, fmt.Errorf("读取用户失败: %w", err)
	}
	return n > 0, nil
}

// Users lists the accounts by name.
func Users(db *gorm.DB) ([]Account, error) {
	var rows []model.User
	if err := db.Order("name").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("读取用户失败: %w", err)
	}
	out := make([]Account, len(rows))
	for i, u := range rows {
		out[i] = account(u)
	}
	return out, nil
}

// Lookup returns the account name, or ErrNoSuchUser.
func Lookup(db *gorm.DB, name string) (Account, error) {
	var u model.User
	if err := db.Where("name = ?", name).Limit(1).Find(&u).Error; err != nil {
		return Account{}, fmt.Errorf("读取用户失败: %w", err)
	}
	if u.Name == "" {
		return Account{}, ErrNoSuchUser
	}
	return account(u), nil
}

// CreateFirstAdmin creates the first account, a 管理员, on a database that
// has none; ErrHasUsers otherwise.
func CreateFirstAdmin(db *gorm.DB, name, password string) error {
	return AddUser(db, "", name, vocab.UserAdmin, password)
}

// AddUser creates an account. actor must be a 管理员; on a database without
// accounts there is no actor and the first account must be a 管理员.
func AddUser(db *gorm.DB, actor, name, role, password string) error {
	name, err := checkName(name)
	if err != nil {
		return err
	}
	if !ValidRole(role) {
		return &BadRoleError{role}
	}
	if err := checkPassword(name, password); err != nil {
		return err
	}
	hash, err := hashPassword(password)
	if err != nil {
		return fmt.Errorf("无法保存密码: %w", err)
	}
	return model.Transact(db, func(tx *gorm.DB) error {
		actor := actor // a retry decides afresh whether this is the first account
		has, err := HasUsers(tx)
		if err != nil {
			return err
		}
		if !has {
			if role != vocab.UserAdmin {
				return ErrFirstAdmin
			}
			actor = name
		} else {
			if actor == "" {
				return ErrHasUsers
			}
			if err := requireAdmin(tx, actor); err != nil {
				return err
			}
		}
		if err := unusedName(tx, name); err != nil {
			return err
		}
		if err := tx.Create(&model.User{Name: name, Role: role, PasswordHash: hash}).Error; err != nil {
			return fmt.Errorf("创建用户失败: %w", err)
		}
		return audit.Record(tx, audit.Entry{User: actor, Action: "新增用户", Entity: "用户", Key: name,
			After: map[string]string{"角色": role}})
	})
}

// unusedName checks, inside tx, that no account has name or a name that
// NameKey takes for the same.
func unusedName(tx *gorm.DB, name string) error {
	var names []string
	if err := tx.Model(&model.User{}).Order("name").Pluck("name", &names).Error; err != nil {
		return fmt.Errorf("读取用户失败: %w", err)
	}
	for _, n := range names {
		switch {
		case n == name:
			return ErrUserExists
		case NameKey(n) == NameKey(name):
			return &SameNameError{Name: name, Existing: n}
		}
	}
	return nil
}

// requireAdmin checks, inside tx, that actor is an account allowed to
// manage users.
func requireAdmin(tx *gorm.DB, actor string) error {
	a, err := Lookup(tx, actor)
	if errors.Is(err, ErrNoSuchUser) {
		return ErrNotSignedIn
	}
	if err != nil {
		return err
	}
	if !Allowed(a.Role, PermUsers) {
		return &DeniedError{User: a.Name, Role: a.Role, Perm: PermUsers}
	}
	return nil
}

// adminsBesides counts the 管理员 accounts other than name.
func adminsBesides(tx *gorm.DB, name string) (int64, error) {
	var n int64
	err := tx.Model(&model.User{}).Where("role = ? AND name <> ?", vocab.UserAdmin, name).Count(&n).Error
	return n, err
}

// SetRole changes the role of account name. actor must be a 管理员, and the
// last 管理员 keeps the role. seen, when not nil, is the account's stamp
// as the 管理员's form read it: changed since, the change is refused with
// who and when (*model.ConflictError).
func SetRole(db *gorm.DB, actor, name, role string, seen *model.Stamp) error {
	if !ValidRole(role) {
		return &BadRoleError{role}
	}
	return model.Transact(db, func(tx *gorm.DB) error {
		if err := requireAdmin(tx, actor); err != nil {
			return err
		}
		a, err := lookupSeen(tx, name, seen)
		if err != nil {
			return err
		}
		if a.Role == role {
			return nil
		}
		if a.Role == vocab.UserAdmin {
			if n, err := adminsBesides(tx, name); err != nil || n == 0 {
				return errors.Join(ErrLastAdmin, err)
			}
		}
		if err := changeUser(tx, actor, name, map[string]any{"role": role}); err != nil {
			return fmt.Errorf("修改角色失败: %w", err)
		}
		return audit.Record(tx, audit.Entry{User: actor, Action: "修改角色", Entity: "用户", Key: name,
			Before: map[string]string{"角色": a.Role}, After: map[string]string{"角色": role}})
	})
}

// RemoveUser deletes account name. actor must be a 管理员 other than name,
// and the last 管理员 stays.
func RemoveUser(db *gorm.DB, actor, name string) error {
	if actor == name {
		return ErrRemoveSelf
	}
	return model.Transact(db, func(tx *gorm.DB) error {
		if err := requireAdmin(tx, actor); err != nil {
			return err
		}
		a, err := Lookup(tx, name)
		if err != nil {
			return err
		}
		if a.Role == vocab.UserAdmin {
			if n, err := adminsBesides(tx, name); err != nil || n == 0 {
				return errors.Join(ErrLastAdmin, err)
			}
		}
		if err := tx.Where("name = ?", name).Delete(&model.User{}).Error; err != nil {
			return fmt.Errorf("删除用户失败: %w", err)
		}
		return audit.Record(tx, audit.Entry{User: actor, Action: "删除用户", Entity: "用户", Key: name,
			Before: map[string]string{"角色": a.Role}})
	})
}

// ResetPassword sets a new password for account name and unlocks it. actor
// must be a 管理员.
func ResetPassword(db *gorm.DB, actor, name, password string) error {
	if err := checkPassword(name, password); err != nil {
		return err
	}
	hash, err := hashPassword(password)
	if err != nil {
		return fmt.Errorf("无法保存密码: %w", err)
	}
	return model.Transact(db, func(tx *gorm.DB) error {
		if err := requireAdmin(tx, actor); err != nil {
			return err
		}
		if _, err := Lookup(tx, name); err != nil {
			return err
		}
		return setPassword(tx, actor, "重置密码", name, hash)
	})
}

// lookupSeen is Lookup inside a change made on the account as it was read
// with stamp seen (nil: as it is): changed since, a *model.ConflictError.
func lookupSeen(tx *gorm.DB, name string, seen *model.Stamp) (Account, error) {
	a, err := Lookup(tx, name)
	if err != nil || seen == nil {
		return a, err
	}
	return a, model.Stale(a.Stamp, *seen)
}

// changeUser writes cols of account name as a 管理员's change by actor:
// its version counts up, so that a form open on the account is refused.
func changeUser(tx *gorm.DB, actor, name string, cols map[string]any) error {
	cols["version"] = gorm.Expr("version + 1")
	cols["changed_by"], cols["changed_at"] = actor, time.Now().UTC().Format(model.StoredTimeLayout)
	return tx.Model(&model.User{}).Where("name = ?", name).Updates(cols).Error
}

// Unlock clears the lock and the failure count of account name. actor must
// be a 管理员.
func Unlock(db *gorm.DB, actor, name string) error {
	return model.Transact(db, func(tx *gorm.DB) error {
		if err := requireAdmin(tx, actor); err != nil {
			return err
		}
		a, err := Lookup(tx, name)
		if err != nil {
			return err
		}
		err = tx.Model(&model.User{}).Where("name = ?", name).
			Updates(map[string]any{"failed_logins": 0, "locked_until": ""}).Error
		if err != nil {
			return fmt.Errorf("解锁失败: %w", err)
		}
		return audit.Record(tx, audit.Entry{User: actor, Action: "解锁", Entity: "用户", Key: name,
			Before: map[string]any{"失败次数": a.FailedLogins, "锁定至": a.LockedText()}})
	})
}

// setPassword stores hash for name, clears any lock, and records action;
// the audit entry never holds the hash.
func setPassword(tx *gorm.DB, actor, action, name, hash string) error {
	err := changeUser(tx, actor, name, map[string]any{"password_hash": hash, "failed_logins": 0, "locked_until": ""})
	if err != nil {
		return fmt.Errorf("保存密码失败: %w", err)
	}
	return audit.Record(tx, audit.Entry{User: actor, Action: action, Entity: "用户", Key: name})
}

// SetClueRight grants (on) or revokes the right 线索管理 of account name.
// actor must be a 管理员. A 管理员 has the right by role whatever is set.
// seen is as SetRole's.
func SetClueRight(db *gorm.DB, actor, name string, on bool, seen *model.Stamp) error {
	return model.Transact(db, func(tx *gorm.DB) error {
		if err := requireAdmin(tx, actor); err != nil {
			return err
		}
		a, err := lookupSeen(tx, name, seen)
		if err != nil {
			return err
		}
		if a.ClueRight == on {
			return nil
		}
		if err := changeUser(tx, actor, name, map[string]any{"clue_right": on}); err != nil {
			return fmt.Errorf("修改线索管理权限失败: %w", err)
		}
		action := "授予线索管理"
		if !on {
			action = "收回线索管理"
		}
		return audit.Record(tx, audit.Entry{User: actor, Action: action, Entity: "用户", Key: name,
			Before: map[string]bool{"线索管理": a.ClueRight}, After: map[string]bool{"线索管理": on}})
	})
}
