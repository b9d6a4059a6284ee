// Package app is the application core of 巡察统筹 and the one door both
// front ends — the window (package ui) and the command line (app/cli) —
// go through: Service, over one database for one signed-in user.
//
// # The service
//
// A Service method asks for the user's right (Require), loads what the
// capability needs (a snapshot of the whole database, read by
// model.LoadTables, or a few rows), calls the capability in its
// sub-package, and writes the result through Write: one transaction that
// checks the right of the change again, re-checks what it depends on and
// records its audit entry, or writes nothing. The front ends hold widgets,
// flags, layout and printing; they neither touch the database (Service.DB)
// nor call the capabilities that the service stands in front of (solving
// and hand edits of a roster, the recusal checker, a restore).
// layering_test.go keeps it so.
//
// The service's files are named for the capability they serve:
// accounts.go (sign-in, rights, users), people*.go and units*.go (the
// 人员库 and 单位 tables and forms), calendar*.go (terms, rounds, teams),
// recusal.go and recusal_focus.go (回避 checks and the focused report),
// overrides.go and override_evidence.go (豁免: request, 批准, 驳回, 撤销,
// and the evidence a leader decides on), assign.go and assign_edit.go
// (编组, its settings, and the roster edited by hand), draws.go (核验抽取记录),
// roster.go (编组名单 documents), workbooks.go (import and export),
// packages.go (数据包), backup.go (backups and restore), audit.go (the
// log), demo.go (演示数据); the people over the years: evaluations.go
// (鉴定, proposed by the clerks and confirmed by a 领导), declarations.go
// (a 领导's 不予回避 and the data of the 回避告知书), training.go (the
// training warning), poolstats_service.go (人员库统计), resume.go
// (巡察履历) and experience.go (以老带新, 轮换 and 新提拔 settings, and the
// report of who owes rounds); the city and the term plan: rounds_city.go
// (a round's 巡察类型, 组织方式, 联动轮次 and 巡审联动 requirement) and
// plan.go (巡察规划, and the plan grid's calendar over
// model.LoadPlanTables); the papers and figures: papers_service.go (文书:
// the documents of a round, their templates and the office's names,
// written as files, a batch or a zip) and stats_service.go (统计报表, the
// 新提拔 rule, the reports upward); snapshot.go, options.go, rowindex.go
// and dberrors.go serve them all.
//
// # The capabilities
//
// Each lives in a sub-package named for what it does. The algorithmic ones
// — recusal, assign, draw, calendar, poolstats, stats, obligation — are
// pure Go over a snapshot (package snap): they import neither gorm, nor
// model, nor Fyne, so they test in milliseconds and give the same answer
// for the same data. papers builds the documents from plain values, docx
// and pdfdoc lay documents out. vocab is the
// one vocabulary (roles, modes, pools, skills, categories …) every layer
// speaks; civil the calendar date; kin the words of kinship. workbook,
// datapkg, backup, audit, auth, demo and roster read and write files and
// the database for the service.
//
// # Writes outside Service.Write
//
// Every write transaction is model.Transact's, Write's included: an
// immediate transaction on SQLite; on a shared server (PostgreSQL) a
// serializable one that is run again on a serialization failure, with the
// re-checks it depends on inside it. A few changes open their own
// transaction instead of going through Write. Each is still reached only through a Service method that asks for
// its right first (or, at start, through the window's own steps), writes
// all or nothing, and records its audit entry in the same transaction.
// They are, with why:
//
//   - auth.Login: the login's bookkeeping (failures, lockout, the entries
//     登录, 登录失败, 锁定) is written before anyone is signed in, and a
//     failed login must still be counted, which Write would roll back.
//   - auth.ChangePassword: users change their own password with the old
//     one, checked inside the transaction; no right of a role is involved.
//   - auth.AddUser: accounts are the 管理员's; the transaction checks that
//     the actor is one (or, for the first account, that there is none yet).
//   - auth.SetRole: checks the actor is a 管理员 and that the last 管理员
//     keeps the role, inside the transaction.
//   - auth.RemoveUser: the same checks as SetRole, inside the transaction.
//   - auth.ResetPassword: checks the actor is a 管理员, inside the
//     transaction.
//   - auth.Unlock: checks the actor is a 管理员, inside the transaction.
//   - auth.SetClueRight: grants or revokes 线索管理; checks the actor is a
//     管理员, inside the transaction.
//   - workbook.Import: a whole workbook, checked row by row, then written
//     with its audit entry in one transaction; nothing when a row is wrong.
//   - datapkg.ImportAs: a data package, the same way: planned against the
//     database inside the transaction that writes it.
//   - demo.Write: the demonstration data, into a database checked empty
//     inside the transaction.
//   - backup.recordRestore: a restore (backup.Restore) writes its entry
//     into the restored file before that takes the database's place; the
//     file may not know the restoring user (after damage nobody is signed
//     in).
//   - model.Migrate: the schema's migration when the file is opened,
//     before any service or user exists.
//   - model.CopyAll: xuncha migrate's copy of a whole database into an
//     empty one (and a server's backup into a new file): one transaction
//     on the target, all or nothing; there is no user in the target yet.
//   - model.readConsistent: the copy's one consistent read of the source
//     (a read-only transaction on a server).
//   - model.RestoreServer: a restore into a server database: the tables
//     emptied and the backup's rows copied in with the restore's audit
//     entry, in one transaction, the database held alone.
package app
