package app

import (
	"errors"
	"time"

	"xuncha/app/auth"
)

// Permission is the right to do one kind of thing; see package auth for the
// table of which role may do what.
type Permission = auth.Permission

// The permissions service methods ask for with Require.
const (
	PermRead     = auth.PermRead
	PermEdit     = auth.PermEdit
	PermImport   = auth.PermImport
	PermAssign   = auth.PermAssign
	PermApprove  = auth.PermApprove
	PermSettings = auth.PermSettings
	PermUsers    = auth.PermUsers
	PermBackup   = auth.PermBackup
	PermRestore  = auth.PermRestore
	PermAudit    = auth.PermAudit
	// PermConfirmEval confirms or returns proposed 鉴定 (领导).
	PermConfirmEval = auth.PermConfirmEval
	// PermHandleDecl marks a 回避申报 不予回避 (领导).
	PermHandleDecl = auth.PermHandleDecl
	// PermReview is 审核 and 销号 of rectification items (管理员, 领导).
	PermReview = auth.PermReview
	// PermClues is 线索管理: seeing clue rows (管理员, or granted).
	PermClues = auth.PermClues
)

// Require returns nil when the signed-in user may do what p names, and the
// reason why not otherwise (auth.ErrNotSignedIn, *auth.DeniedError). Every
// service method that writes calls it first, so that a right is enforced
// here and not only by a hidden button.
//
// A database without accounts (a new file, the demo) is open: Require
// allows everything until the first 管理员 is created. The role is read
// from the database each time, so a change of role or a removed account
// takes effect at once.
func (s *Service) Require(p Permission) error {
	has, err := auth.HasUsers(s.DB)
	if err != nil || !has {
		return err
	}
	if s.Role == "" {
		return auth.ErrNotSignedIn
	}
	a, err := auth.Lookup(s.DB, s.User)
	if errors.Is(err, auth.ErrNoSuchUser) {
		return auth.ErrNotSignedIn
	}
	if err != nil {
		return err
	}
	s.Role = a.Role
	if !auth.AccountAllowed(a, p) {
		return &auth.DeniedError{User: a.Name, Role: a.Role, Perm: p}
	}
	return nil
}

// Can reports whether the signed-in user may do what p names: for showing
// or hiding a button. The service method behind it checks again.
func (s *Service) Can(p Permission) bool { return s.Require(p) == nil }

// HasUsers reports whether the database has accounts; without any, the GUI
// asks for the first 管理员 and the headless commands run open.
func (s *Service) HasUsers() (bool, error) { return auth.HasUsers(s.DB) }

// CreateFirstAdmin creates the first account, a 管理员, and signs it in.
func (s *Service) CreateFirstAdmin(name, password string) error {
	if err := auth.CreateFirstAdmin(s.DB, name, password); err != nil {
		return err
	}
	a, err := auth.Lookup(s.DB, name)
	if err != nil {
		return err
	}
	s.User, s.Role = a.Name, a.Role
	return nil
}

// Login checks name and password and signs the user in; see auth.Login for
// the lockout.
func (s *Service) Login(name, password string) error {
	a, err := auth.Login(s.DB, name, password, time.Now())
	if err != nil {
		return err
	}
	s.User, s.Role = a.Name, a.Role
	return nil
}

// Logout signs the user out.
func (s *Service) Logout() { s.User, s.Role = "", "" }

// Accounts lists the accounts, for the 管理员.
func (s *Service) Accounts() ([]auth.Account, error) {
	if err := s.Require(PermUsers); err != nil {
		return nil, err
	}
	return auth.Users(s.DB)
}

// AddUser creates an account with role (管理员, 经办人 or 领导). On an open
// database the first account must be a 管理员.
func (s *Service) AddUser(name, role, password string) error {
	if err := s.Require(PermUsers); err != nil {
		return err
	}
	return s.userChanged("新增用户", name, auth.AddUser(s.DB, s.User, name, role, password))
}

// SetClueRight grants or revokes the right 线索管理 of an account; through
// Seeing, only while the account is as the form read it.
func (s *Service) SetClueRight(name string, on bool) error {
	if err := s.Require(PermUsers); err != nil {
		return err
	}
	return auth.SetClueRight(s.DB, s.User, name, on, s.seen)
}

// SetUserRole changes an account's role; the last 管理员 keeps the role.
// Through Seeing, only while the account is as the form read it.
func (s *Service) SetUserRole(name, role string) error {
	if err := s.Require(PermUsers); err != nil {
		return err
	}
	return s.userChanged("修改角色", name, auth.SetRole(s.DB, s.User, name, role, s.seen))
}

// ResetPassword gives an account a new password and unlocks it.
func (s *Service) ResetPassword(name, password string) error {
	if err := s.Require(PermUsers); err != nil {
		return err
	}
	return s.userChanged("重置密码", name, auth.ResetPassword(s.DB, s.User, name, password))
}

// UnlockUser clears an account's lock.
func (s *Service) UnlockUser(name string) error {
	if err := s.Require(PermUsers); err != nil {
		return err
	}
	return s.userChanged("解锁", name, auth.Unlock(s.DB, s.User, name))
}

// RemoveUser deletes an account other than the signed-in one.
func (s *Service) RemoveUser(name string) error {
	if err := s.Require(PermUsers); err != nil {
		return err
	}
	return s.userChanged("删除用户", name, auth.RemoveUser(s.DB, s.User, name))
}

// ChangePassword replaces the signed-in user's own password.
func (s *Service) ChangePassword(old, password string) error {
	if s.Role == "" {
		return auth.ErrNotSignedIn
	}
	return auth.ChangePassword(s.DB, s.User, old, password, time.Now())
}

// userChanged tells the subscribers that the account name changed by
// action, when err says it did.
func (s *Service) userChanged(action, name string, err error) error {
	if err == nil {
		s.Notify(Change{Action: action, Entity: "用户", Key: name, User: s.User})
	}
	return err
}
