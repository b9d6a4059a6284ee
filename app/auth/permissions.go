// Package auth holds the local user accounts of 巡察统筹 and what each role
// may do: passwords stored as bcrypt hashes, lockout after repeated
// failures, and the permission table that app.Service.Require consults.
// Every change to an account is recorded in the audit log.
package auth

import (
	"slices"

	"xuncha/app/vocab"
)

// Permission is the right to do one kind of thing. Its value is the Chinese
// phrase used in messages ("用户 张三（领导）无权导入").
type Permission string

// The permissions. Service methods that write ask for one of them.
const (
	PermRead     Permission = "查看数据"
	PermEdit     Permission = "编辑数据"
	PermImport   Permission = "导入数据"
	PermAssign   Permission = "编组"
	PermApprove  Permission = "审批回避豁免"
	PermSettings Permission = "修改设置"
	PermUsers    Permission = "管理用户"
	PermBackup   Permission = "备份"
	PermRestore  Permission = "恢复备份"
	PermAudit    Permission = "查看审计日志"
	// PermConfirmEval confirms (确定) or returns the 鉴定 proposed after a
	// round: the office's decision, taken by its head (SPEC §11.2).
	PermConfirmEval Permission = "确定鉴定"
	// PermHandleDecl decides that a 回避申报 does not bind (不予回避, SPEC
	// §10.3).
	PermHandleDecl Permission = "处理回避申报"
	// PermReview is 审核 and 销号 of rectification items (SPEC §9.2): the
	// one change a 领导 makes besides approving overrides.
	PermReview Permission = "审核销号"
	// PermClues is 线索管理: seeing clue rows, not only their counts. A
	// 管理员 has it; any other account only when granted (User.ClueRight).
	PermClues Permission = "线索管理"
)

// Permissions lists every permission in display order.
var Permissions = []Permission{
	PermRead, PermEdit, PermImport, PermAssign, PermApprove,
	PermSettings, PermUsers, PermBackup, PermRestore, PermAudit, PermConfirmEval, PermHandleDecl, PermReview, PermClues,
}

// Roles lists the user roles in display order.
var Roles = []string{vocab.UserAdmin, vocab.UserClerk, vocab.UserLeader}

// grants is the permission table: 管理员 keeps the users, the settings and
// the backups and may also do a clerk's work; 经办人 edits, imports and
// builds teams; 领导 reads, approves recusal overrides, confirms the 鉴定
// the clerks proposed, decides 不予回避 on a 回避申报 and reads the audit
// log. Approval, confirmation and 不予回避 are the leader's acts alone, so
// that who is recorded for them is a leader and never the clerk who
// entered what they decide on.
var grants = []struct {
	role  string
	perms []Permission
}{
	{vocab.UserAdmin, []Permission{PermRead, PermEdit, PermImport, PermAssign, PermSettings, PermUsers, PermBackup, PermRestore, PermAudit, PermReview, PermClues}},
	{vocab.UserClerk, []Permission{PermRead, PermEdit, PermImport, PermAssign, PermBackup}},
	{vocab.UserLeader, []Permission{PermRead, PermApprove, PermBackup, PermAudit, PermConfirmEval, PermHandleDecl, PermReview}},
}

// Allowed reports whether role may do what p names. An unknown role may do
// nothing.
func Allowed(role string, p Permission) bool {
	for _, g := range grants {
		if g.role == role {
			return slices.Contains(g.perms, p)
		}
	}
	return false
}

// AccountAllowed reports whether account a may do what p names: its role's
// rights, and 线索管理 when it was granted to the account.
func AccountAllowed(a Account, p Permission) bool {
	return Allowed(a.Role, p) || (p == PermClues && a.ClueRight)
}

// Granted lists what role may do, in the order of Permissions.
func Granted(role string) []Permission {
	var out []Permission
	for _, p := range Permissions {
		if Allowed(role, p) {
			out = append(out, p)
		}
	}
	return out
}

// ValidRole reports whether role is one of Roles.
func ValidRole(role string) bool { return slices.Contains(Roles, role) }
