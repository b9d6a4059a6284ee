package auth

import (
	"errors"
	"fmt"
	"time"
)

// The errors of this package, in Chinese as the user reads them.
var (
	ErrBadLogin      = errors.New("用户名或密码错误")
	ErrNotSignedIn   = errors.New("请先登录")
	ErrHasUsers      = errors.New("已有用户，不能再创建初始管理员")
	ErrFirstAdmin    = errors.New("第一个用户必须是管理员")
	ErrLastAdmin     = errors.New("至少要保留一名管理员")
	ErrUserExists    = errors.New("用户名已存在")
	ErrNoSuchUser    = errors.New("用户不存在")
	ErrRemoveSelf    = errors.New("不能删除当前登录的用户")
	ErrEmptyName     = errors.New("用户名不能为空")
	ErrLongName      = errors.New("用户名过长（最多 32 个字）")
	ErrNameChars     = errors.New("用户名不能含空白或控制字符")
	ErrShortPassword = fmt.Errorf("密码至少 %d 个字符", MinPassword)
	ErrLongPassword  = errors.New("密码过长（最多 72 字节）")
	ErrNameAsPass    = errors.New("密码不能与用户名相同")
)

// LockedError is a login refused because the account is locked.
type LockedError struct {
	Name  string
	Until time.Time
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("账户 %s 因连续 %d 次密码错误已锁定，请于 %s 后再试，或请管理员解锁",
		e.Name, MaxFailures, e.Until.Local().Format("15:04"))
}

// DeniedError is an action refused because the user's role does not allow it.
type DeniedError struct {
	User, Role string
	Perm       Permission
}

func (e *DeniedError) Error() string {
	return fmt.Sprintf("用户 %s（%s）无权%s", e.User, e.Role, e.Perm)
}

// ReservedNameError refuses an account name the program uses itself.
type ReservedNameError struct{ Name string }

func (e *ReservedNameError) Error() string {
	return fmt.Sprintf("用户名 %s 是程序在审计日志中使用的名称，不能用作账户名", e.Name)
}

// SameNameError refuses an account name that differs from an existing one
// only in case or in full-width letters.
type SameNameError struct{ Name, Existing string }

func (e *SameNameError) Error() string {
	return fmt.Sprintf("用户名 %s 与已有的用户 %s 视为同一用户名（不区分大小写和全角半角）", e.Name, e.Existing)
}

func (e *SameNameError) Is(target error) bool { return target == ErrUserExists }

// BadRoleError names a role that is not one of Roles.
type BadRoleError struct{ Role string }

func (e *BadRoleError) Error() string {
	return fmt.Sprintf("角色 %q 无效，应为 管理员、经办人 或 领导", e.Role)
}
