package auth

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/model"
)

// Login checks name and password at time now and returns the account. A
// wrong password counts against the account: after MaxFailures in a row it
// is locked for LockFor (a *LockedError), and while locked even the right
// password is refused. Every attempt on an existing account, and every
// lock, is recorded in the audit log. An unknown name and a wrong password
// give the same ErrBadLogin, after the same work.
func Login(db *gorm.DB, name, password string, now time.Time) (Account, error) {
	name = strings.TrimSpace(name)
	var u model.User
	if err := db.Where("name = ?", name).Limit(1).Find(&u).Error; err != nil {
		return Account{}, fmt.Errorf("读取用户失败: %w", err)
	}
	if u.Name == "" {
		matches(dummyHash, password)
		return Account{}, ErrBadLogin
	}
	if now.Before(lockEnd(u.LockedUntil)) {
		return Account{}, lockedError(u)
	}
	ok := matches(u.PasswordHash, password)
	var locked bool
	err := model.Transact(db, func(tx *gorm.DB) error {
		locked = false // a retry counts the failures afresh
		if ok {
			if err := tx.Model(&model.User{}).Where("name = ?", name).
				Updates(map[string]any{"failed_logins": 0, "locked_until": ""}).Error; err != nil {
				return err
			}
			return audit.Record(tx, audit.Entry{User: name, Action: "登录", Entity: "用户", Key: name})
		}
		var cur model.User
		if err := tx.Where("name = ?", name).Limit(1).Find(&cur).Error; err != nil {
			return err
		}
		failed, until := cur.FailedLogins+1, ""
		if failed >= MaxFailures {
			locked, failed, until = true, 0, audit.Stored(now.Add(LockFor))
			u.LockedUntil = until
		}
		if err := tx.Model(&model.User{}).Where("name = ?", name).
			Updates(map[string]any{"failed_logins": failed, "locked_until": until}).Error; err != nil {
			return err
		}
		e := audit.Entry{User: name, Action: "登录失败", Entity: "用户", Key: name,
			After: map[string]any{"连续失败": cur.FailedLogins + 1}}
		if locked {
			e.Action = "锁定"
			e.After = map[string]any{"连续失败": cur.FailedLogins + 1, "锁定至": audit.Shown(until)}
		}
		return audit.Record(tx, e)
	})
	switch {
	case err != nil:
		return Account{}, fmt.Errorf("记录登录失败: %w", err)
	case locked:
		return Account{}, lockedError(u)
	case !ok:
		return Account{}, ErrBadLogin
	}
	return Account{Name: u.Name, Role: u.Role}, nil
}

func lockedError(u model.User) error {
	return &LockedError{Name: u.Name, Until: lockEnd(u.LockedUntil)}
}

// ChangePassword lets user name replace their own password, proving it with
// the old one; a wrong old password counts as a failed login.
func ChangePassword(db *gorm.DB, name, old, password string, now time.Time) error {
	if _, err := Login(db, name, old, now); err != nil {
		return err
	}
	if err := checkPassword(name, password); err != nil {
		return err
	}
	hash, err := hashPassword(password)
	if err != nil {
		return fmt.Errorf("无法保存密码: %w", err)
	}
	return model.Transact(db, func(tx *gorm.DB) error {
		return setPassword(tx, name, "修改密码", name, hash)
	})
}
