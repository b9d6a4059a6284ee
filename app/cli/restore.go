package cli

import (
	"errors"
	"fmt"
	"text/tabwriter"

	"xuncha/app"
	"xuncha/app/backup"
	"xuncha/model"
)

// runRestore puts a backup in the place of the database:
// xuncha restore --db F (--from backup.db | --newest). A sound database with
// accounts needs a 管理员's --user; a damaged one can be restored by
// anyone at the machine, as the GUI offers at start — but only while it is
// damaged: a file that is merely locked by another program, or that is
// found sound once held alone, goes the way of a sound one.
func runRestore(env *Env, args []string) error {
	fs := newFlags(env, "restore")
	db := fs.String("db", "", "数据库文件")
	from := fs.String("from", "", "备份文件")
	newest := fs.Bool("newest", false, "用备份文件夹中最新的完好备份")
	if err := parseFlagsOnly(fs, args); err != nil {
		return err
	}
	if (*from == "") == !*newest {
		return usagef("请给出 --from 备份文件 或 --newest（二者选一）")
	}
	path := *db
	if path == "" {
		path = model.DefaultPath()
	}
	if app.IsServer(path) {
		return restoreServer(env, path, *from, *newest)
	}
	note, err := backup.Recover(path)
	if err != nil {
		return err
	}
	if note != "" {
		fmt.Fprintln(env.Stderr, note)
	}
	r := backup.CheckAtStart(path)
	if r.Problem != nil {
		return fmt.Errorf("%w，未恢复", r.Problem)
	}
	if errors.Is(r.Damage, model.ErrNewerSchema) {
		return r.Damage
	}
	if *newest {
		f, skipped, err := backup.NewestGood(r.Folder, path)
		for _, e := range skipped {
			fmt.Fprintf(env.Stderr, "跳过损坏的备份: %v\n", e)
		}
		if err != nil {
			return fmt.Errorf("%w（文件夹 %s）", err, r.Folder)
		}
		*from = f.Path
	}
	if r.Restorable() {
		fmt.Fprintf(env.Stderr, "%v\n", r.Damage)
		err := restoreDamaged(env, r, *from)
		if !errors.Is(err, backup.ErrNotDamaged) {
			return err
		}
		fmt.Fprintln(env.Stderr, "数据库复查完好，按完好数据库的恢复办理（数据库设有用户时需管理员登录）")
	}
	svc, err := env.openAs(path, app.PermRestore)
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := svc.Restore(*from); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已从 %s 恢复；原数据库保留为 %s\n", *from, path+backup.AsideSuffix)
	return nil
}

// restoreServer restores a backup file into a server database (a
// 管理员's right): refused while other clerks are connected.
func restoreServer(env *Env, dsn, from string, newest bool) error {
	svc, err := env.openAs(dsn, app.PermRestore)
	if err != nil {
		return err
	}
	defer svc.Close()
	if newest {
		dir, err := svc.BackupFolder()
		if err != nil {
			return err
		}
		path, _ := svc.Path()
		f, skipped, err := backup.NewestGood(dir, path)
		for _, e := range skipped {
			fmt.Fprintf(env.Stderr, "跳过损坏的备份: %v\n", e)
		}
		if err != nil {
			return fmt.Errorf("%w（文件夹 %s）", err, dir)
		}
		from = f.Path
	}
	if err := svc.Restore(from); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已从 %s 恢复到服务器上的数据库 %s\n", from, svc.Where())
	return nil
}

// restoreDamaged replaces the damaged database of report r without
// signing in (its accounts may be unreadable); the restored file records
// the restore.
func restoreDamaged(env *Env, r *backup.StartReport, from string) error {
	who := env.User
	if who == "" {
		who = CLIUser
	}
	svc, err := app.RestoreDamaged(r, from, who)
	if svc != nil {
		defer svc.Close()
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已从 %s 恢复；损坏的数据库保留为 %s\n", from, r.Path+backup.AsideSuffix)
	return nil
}

// listBackups prints the backups in the backup folder, newest first, each
// checked.
func listBackups(env *Env, db string) error {
	svc, err := env.openAs(db, app.PermBackup)
	if err != nil {
		return err
	}
	defer svc.Close()
	dir, err := svc.BackupFolder()
	if err != nil {
		return err
	}
	files, err := svc.Backups()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "备份文件夹 %s，共 %d 个备份\n", dir, len(files))
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, f := range files {
		state := "完好"
		if err := backup.Check(f.Path); err != nil {
			state = "损坏"
		}
		fmt.Fprintf(w, "%s\t%s\t%.1f MB\t%s\n", f.Name, f.Time.Format("2006-01-02 15:04:05"), float64(f.Size)/1e6, state)
	}
	return w.Flush()
}
