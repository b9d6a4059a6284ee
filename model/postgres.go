package model

// This file holds everything that is particular to PostgreSQL, the shared
// office's database server (SPEC §13.1): the connection and its password,
// the columns' collation, the advisory locks (migration, presence,
// restore, the audit chain), serializable transactions, the sequences
// behind auto-increment ids, and the server's error codes. The rest of the
// package speaks plain gorm; what only SQLite speaks is in sqlite.go.

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
	"gorm.io/gorm/migrator"
	"gorm.io/gorm/schema"
)

// PasswordEnv is the environment variable a server's password may come
// from (after the URL's own and before the PostgreSQL password file).
const PasswordEnv = "XUNCHA_DB_PASSWORD"

// IsServer reports whether a --db value names a database server (a
// postgres:// or postgresql:// URL) rather than a file.
func IsServer(dsn string) bool {
	l := strings.ToLower(dsn)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Redacted is a server URL without its password, to show and to remember.
func Redacted(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, has := u.User.Password(); has {
		u.User = url.User(u.User.Username())
	}
	return u.String()
}

// passwords typed by the user in this process, by redacted URL: kept in
// memory only, so that a reconnection does not ask again; never written.
var (
	passwordsMu sync.Mutex
	passwords   = map[string]string{}
)

// RememberPassword keeps the password the user typed for the server dsn for
// the rest of this process (in memory only).
func RememberPassword(dsn, password string) {
	passwordsMu.Lock()
	defer passwordsMu.Unlock()
	passwords[Redacted(dsn)] = password
}

// ErrPasswordNeeded says the server asks for a password and none was given
// (the URL, XUNCHA_DB_PASSWORD, the password file): the front end asks the
// user and calls RememberPassword.
var ErrPasswordNeeded = errors.New("数据库服务器要求输入密码")

// ErrBadPassword says the server refused the user name or password.
var ErrBadPassword = errors.New("数据库服务器拒绝了用户名或密码")

// ErrConnLost says the server cannot be reached or the connection broke.
// A transaction cut off that way is rolled back by the server: nothing of
// it is written.
var ErrConnLost = errors.New("与数据库服务器的连接中断或无法连接，本次修改未保存（服务器会撤销未完成的修改），请检查网络后重试")

// serverConfig parses dsn and fills in the password: the URL's own, one
// typed in this process, XUNCHA_DB_PASSWORD, or the PostgreSQL password
// file (~/.pgpass; %APPDATA%\postgresql\pgpass.conf on Windows), which pgx
// reads. It reports whether a password was found.
func serverConfig(dsn string) (*pgx.ConnConfig, bool, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, false, fmt.Errorf("数据库地址 %s 写法有误：%w", Redacted(dsn), err)
	}
	_, inURL := u.User.Password()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, false, fmt.Errorf("数据库地址 %s 写法有误：%v", Redacted(dsn), strings.ReplaceAll(err.Error(), dsn, Redacted(dsn)))
	}
	if !inURL {
		passwordsMu.Lock()
		typed, ok := passwords[Redacted(dsn)]
		passwordsMu.Unlock()
		switch {
		case ok:
			cfg.Password = typed
		case os.Getenv(PasswordEnv) != "":
			cfg.Password = os.Getenv(PasswordEnv)
		}
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	cfg.RuntimeParams["application_name"] = "xuncha"
	cfg.RuntimeParams["timezone"] = "UTC"
	return cfg, cfg.Password != "", nil
}

// serverDialector is gorm's PostgreSQL dialect with one change: every text
// column is text COLLATE "C". Codes and names then compare and sort by
// their bytes, as on SQLite, whatever the collation the server's database
// was created with (a Chinese one sorts 张 before 李 differently), and
// text has no length limit on either database.
type serverDialector struct{ *postgres.Dialector }

func (d serverDialector) DataTypeOf(f *schema.Field) string {
	if f.DataType == schema.String {
		return `text COLLATE "C"`
	}
	return d.Dialector.DataTypeOf(f)
}

func (d serverDialector) Migrator(db *gorm.DB) gorm.Migrator {
	return postgres.Migrator{Migrator: migrator.Migrator{Config: migrator.Config{
		DB: db, Dialector: d, CreateIndexAfterCreateTable: true,
	}}}
}

// server is what an open server database holds beside its pool: the
// connection that holds the presence lock.
type server struct {
	dsn      string
	presence *sql.Conn
}

var (
	serversMu sync.Mutex
	servers   = map[*sql.DB]*server{}
)

// Advisory lock keys of this program (pg_advisory_lock's bigint space).
const (
	lockPresence = 0x78756e6368610001 // held shared by every open client; exclusive by a restore
	lockMigrate  = 0x78756e6368610002 // held while a client migrates the schema
)

// connectServer opens a pool to the server database dsn and checks it
// answers.
func connectServer(dsn string) (*gorm.DB, error) {
	cfg, havePW, err := serverConfig(dsn)
	if err != nil {
		return nil, err
	}
	sqlDB := stdlib.OpenDB(*cfg)
	sqlDB.SetMaxIdleConns(4)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(ctx); err != nil {
		sqlDB.Close()
		return nil, connectError(dsn, err, havePW)
	}
	db, err := gorm.Open(serverDialector{&postgres.Dialector{Config: &postgres.Config{Conn: sqlDB}}}, &gorm.Config{
		Logger:         serverLogger(),
		TranslateError: true,
	})
	if err != nil {
		sqlDB.Close()
		return nil, err
	}
	if err := keepSequences(db); err != nil {
		sqlDB.Close()
		return nil, err
	}
	return db, nil
}

// keepSequences registers gorm callbacks that, when rows are created with
// their auto-increment ids given (demo data, a copy), set the table's
// sequence past them, as SQLite's AUTOINCREMENT does by itself: the next
// row without an id then gets a new one instead of a duplicate.
func keepSequences(db *gorm.DB) error {
	const given = "xuncha:ids-given"
	err := db.Callback().Create().Before("gorm:create").Register("xuncha:ids-given", func(tx *gorm.DB) {
		sch := tx.Statement.Schema
		if sch == nil || sch.PrioritizedPrimaryField == nil || !sch.PrioritizedPrimaryField.AutoIncrement {
			return
		}
		f, rv := sch.PrioritizedPrimaryField, tx.Statement.ReflectValue
		switch rv.Kind() {
		case reflect.Slice, reflect.Array:
			for i := 0; i < rv.Len(); i++ {
				if _, zero := f.ValueOf(tx.Statement.Context, reflect.Indirect(rv.Index(i))); !zero {
					tx.Statement.Settings.Store(given, true)
					return
				}
			}
		case reflect.Struct:
			if _, zero := f.ValueOf(tx.Statement.Context, rv); !zero {
				tx.Statement.Settings.Store(given, true)
			}
		}
	})
	if err != nil {
		return err
	}
	return db.Callback().Create().After("gorm:create").Register("xuncha:sequence", func(tx *gorm.DB) {
		if _, ok := tx.Statement.Settings.Load(given); !ok || tx.Error != nil {
			return
		}
		tx.Statement.Settings.Delete(given)
		if err := resetSequencesServer(tx.Session(&gorm.Session{NewDB: true}), []string{tx.Statement.Schema.Table}); err != nil {
			tx.AddError(err)
		}
	})
}

// connectError puts a failed connection into Chinese.
func connectError(dsn string, err error, havePW bool) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01", "28000":
			if !havePW {
				return fmt.Errorf("%s：%w", Redacted(dsn), ErrPasswordNeeded)
			}
			return fmt.Errorf("%s：%w", Redacted(dsn), ErrBadPassword)
		case "3D000":
			return fmt.Errorf("数据库服务器上没有数据库 %s（请管理员先建库，见 docs/共享模式.md）", serverName(dsn))
		case "42501":
			return fmt.Errorf("数据库账户没有连接 %s 的权限", serverName(dsn))
		}
	}
	if strings.Contains(err.Error(), "password") && !havePW {
		return fmt.Errorf("%s：%w", Redacted(dsn), ErrPasswordNeeded)
	}
	return fmt.Errorf("%w: %w", ErrUnreachable, err)
}

// ErrUnreachable says the server could not be reached at all.
var ErrUnreachable = errors.New("无法连接数据库服务器（服务器未开启、地址或端口有误，或网络不通），请检查后重试")

// serverName is the database's name in dsn.
func serverName(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	return strings.TrimPrefix(u.Path, "/")
}

// openServer opens the server database dsn: connects, takes the presence
// lock shared (waiting while a restore holds it), checks the database is
// this program's (or empty, when create) and migrates it, once, under an
// advisory lock, whoever starts first.
func openServer(dsn string, create bool) (*gorm.DB, error) {
	db, err := connectServer(dsn)
	if err != nil {
		return nil, err
	}
	sqlDB, _ := db.DB()
	conn, err := sqlDB.Conn(context.Background())
	if err == nil {
		err = waitLock(conn, "pg_try_advisory_lock_shared", openWait, ErrRestoring)
	}
	if err != nil {
		if conn != nil {
			conn.Close()
		}
		sqlDB.Close()
		return nil, Explaining("无法打开数据库 "+Redacted(dsn), err)
	}
	serversMu.Lock()
	servers[sqlDB] = &server{dsn: dsn, presence: conn}
	serversMu.Unlock()
	if _, err := Identify(db, Redacted(dsn), create); err != nil {
		Close(db)
		return nil, err
	}
	if err := Migrate(db); err != nil {
		Close(db)
		return nil, err
	}
	return db, nil
}

// waitLock calls fn(presence key) on conn until it returns true or wait
// has passed (errBusy).
func waitLock(conn *sql.Conn, fn string, wait time.Duration, errBusy error) error {
	deadline := time.Now().Add(wait)
	for {
		var ok bool
		if err := conn.QueryRowContext(context.Background(), "SELECT "+fn+"($1)", int64(lockPresence)).Scan(&ok); err != nil {
			return err
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return errBusy
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// serverDSN is the URL db was opened with; "" when db is not a server
// database opened by Open.
func serverDSN(db *gorm.DB) string {
	sqlDB, err := db.DB()
	if err != nil {
		return ""
	}
	serversMu.Lock()
	defer serversMu.Unlock()
	if s := servers[sqlDB]; s != nil {
		return s.dsn
	}
	return ""
}

// closeServer releases what openServer holds beside the pool.
func closeServer(sqlDB *sql.DB) {
	serversMu.Lock()
	s := servers[sqlDB]
	delete(servers, sqlDB)
	serversMu.Unlock()
	if s != nil && s.presence != nil {
		s.presence.Close()
	}
}

// migrateServer runs migrate in one transaction that first takes the
// migration's advisory lock: clients that start together wait for the
// first, then find the schema up to date. PostgreSQL's DDL is
// transactional, so a failed migration leaves the database as it was.
func migrateServer(db *gorm.DB, migrate func(tx *gorm.DB) error) error {
	fp, err := schemaFingerprint(db)
	if err != nil {
		return err
	}
	return db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", int64(lockMigrate)).Error; err != nil {
			return err
		}
		if upToDate(tx, fp) {
			return nil
		}
		if err := migrate(tx); err != nil {
			return err
		}
		if err := deferrableForeignKeys(tx); err != nil {
			return err
		}
		return tx.Save(&Meta{Key: fingerprintKey, Value: fp}).Error
	})
}

// fingerprintKey is the row of meta that holds the fingerprint of the
// schema the server database was last migrated to.
const fingerprintKey = "schema_fingerprint"

// upToDate reports whether the database has this build's schema version
// and fingerprint: then there is nothing to migrate, and a client starts
// without the second or so that comparing every table takes.
func upToDate(tx *gorm.DB, fp string) bool {
	if !tx.Migrator().HasTable(&Meta{}) {
		return false
	}
	var rows []Meta
	if tx.Where("key IN ?", []string{"schema_version", fingerprintKey}).Order("key").Find(&rows).Error != nil || len(rows) != 2 {
		return false
	}
	return rows[0].Value == fp && rows[1].Value == fmt.Sprint(SchemaVersion)
}

// schemaFingerprint is a hash of the entities' tables and columns as this
// build declares them.
func schemaFingerprint(db *gorm.DB) (string, error) {
	h := sha256.New()
	for _, e := range All() {
		stmt := &gorm.Statement{DB: db}
		if err := stmt.Parse(e); err != nil {
			return "", err
		}
		fmt.Fprintf(h, "table %s\n", stmt.Schema.Table)
		for _, f := range stmt.Schema.Fields {
			keys := make([]string, 0, len(f.TagSettings))
			for k := range f.TagSettings {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			fmt.Fprintf(h, "%s %s %d", f.DBName, f.DataType, f.Size)
			for _, k := range keys {
				fmt.Fprintf(h, " %s=%s", k, f.TagSettings[k])
			}
			fmt.Fprintln(h)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// deferrableForeignKeys makes the foreign keys of the schema deferrable
// (still checked after each statement unless a transaction defers them),
// so that DeferForeignKeys can let rows refer to rows written later in the
// same transaction, as SQLite's defer_foreign_keys does. gorm creates
// them not deferrable.
func deferrableForeignKeys(tx *gorm.DB) error {
	var fks []struct{ Tab, Name string }
	err := tx.Raw(`SELECT c.conrelid::regclass::text AS tab, c.conname AS name FROM pg_constraint c
		JOIN pg_namespace n ON n.oid = c.connamespace
		WHERE c.contype = 'f' AND NOT c.condeferrable AND n.nspname = current_schema()
		ORDER BY 1, 2`).Scan(&fks).Error
	if err != nil {
		return err
	}
	for _, fk := range fks {
		if err := tx.Exec(fmt.Sprintf(`ALTER TABLE %s ALTER CONSTRAINT %q DEFERRABLE INITIALLY IMMEDIATE`, fk.Tab, fk.Name)).Error; err != nil {
			return err
		}
	}
	return nil
}

// lockAuditChain is the advisory lock that orders the appends to the
// audit log on a server.
const lockAuditChain = 0x78756e6368610003

// auditHeadServer takes the audit chain's lock for tx (held until it
// commits or rolls back) and returns the hash of the newest entry that is
// committed. The newest entry is read on another connection of the pool,
// in read committed: a serializable transaction's own snapshot may be
// older than the appends committed while it ran, and the chain must go on
// from the newest. Since every appender holds the lock from this read to
// its commit, the entries are chained, and numbered, in commit order; and
// a writer's serializable snapshot never reads the log, so appends do not
// make writers on unrelated data fail each other.
func auditHeadServer(tx *gorm.DB) (string, error) {
	if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", int64(lockAuditChain)).Error; err != nil {
		return "", err
	}
	if _, alone := tx.Get(aloneKey); alone {
		// Read committed and alone (a restore, Transact's last tries): tx
		// sees the newest entry itself — and a restore's emptied table
		// may not be read from another connection until it commits.
		var last AuditEntry
		err := tx.Order("id desc").Limit(1).Find(&last).Error
		return last.Hash, err
	}
	d, ok := tx.Dialector.(serverDialector)
	if !ok {
		return "", errors.New("not a server database of this program")
	}
	pool, ok := d.Conn.(*sql.DB)
	if !ok {
		return "", errors.New("not a server database of this program")
	}
	var hash sql.NullString
	err := pool.QueryRowContext(tx.Statement.Context, `SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1`).Scan(&hash)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return hash.String, err
}

// aloneKey marks a read-committed transaction that no other writer runs
// beside (see auditHeadServer).
const aloneKey = "xuncha:alone"

// lockWriters is the writers' lock: every write transaction holds it
// shared; one that must run alone (Transact's last tries) holds it
// exclusively.
const lockWriters = 0x78756e6368610004

// writersLockServer takes the writers' lock for tx, shared or (alone)
// exclusive, as its first statement.
func writersLockServer(tx *gorm.DB, alone bool) error {
	fn := "pg_advisory_xact_lock_shared"
	if alone {
		fn = "pg_advisory_xact_lock"
	}
	return tx.Exec("SELECT "+fn+"(?)", int64(lockWriters)).Error
}

// serverTxOptions are the options of a write transaction on a server.
var serverTxOptions = &sql.TxOptions{Isolation: sql.LevelSerializable}

// retryableServer reports whether err is a serialization failure or a
// deadlock, after which the whole transaction may be run again.
func retryableServer(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// resetSequencesServer sets the sequence behind every auto-increment id of
// the tables to the largest id in them, after rows were copied in with
// their ids.
func resetSequencesServer(tx *gorm.DB, tables []string) error {
	for _, t := range tables {
		q := fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', 'id'), COALESCE((SELECT max(id) FROM "%s"), 0) + 1, false)`, t, t)
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	return nil
}

// emptyServerTables empties the tables, for a restore into the server.
func emptyServerTables(tx *gorm.DB, tables []string) error {
	quoted := make([]string, len(tables))
	for i, t := range tables {
		quoted[i] = `"` + t + `"`
	}
	return tx.Exec("TRUNCATE " + strings.Join(quoted, ", ") + " RESTART IDENTITY CASCADE").Error
}

// takeServerAlone holds the server database alone for a restore: a new
// connection that takes the presence lock exclusively, refused
// (ErrInUse) while another client holds it shared. The caller's own pool
// must be closed first.
func takeServerAlone(dsn string) (*gorm.DB, func(), error) {
	db, err := connectServer(dsn)
	if err != nil {
		return nil, nil, err
	}
	sqlDB, _ := db.DB()
	sqlDB.SetMaxOpenConns(3) // the lock's, the restore's, and the audit head's read
	conn, err := sqlDB.Conn(context.Background())
	if err == nil {
		// A client that has just closed its connection may keep its
		// session's lock for a moment while its server process exits.
		err = waitLock(conn, "pg_try_advisory_lock", 2*time.Second, ErrServerInUse)
	}
	if err != nil {
		if conn != nil {
			conn.Close()
		}
		sqlDB.Close()
		return nil, nil, err
	}
	// conn keeps the lock (a session's) until release closes it
	return db, func() { conn.Close(); sqlDB.Close() }, nil
}

// ErrServerInUse says other clients have the server database open.
var ErrServerInUse = errors.New("其他用户（其他电脑上的巡察统筹）正连接着服务器上的数据库，请他们先退出再恢复")

// insertServer writes new rows in batches of INSERT … SELECT from
// json_populate_recordset(?): one statement and one parameter per batch,
// the JSON object's keys being the columns' names (gorm's CreateInBatches
// sends every value as a parameter and reads every id back, which makes a
// province's import twice as slow as on SQLite). An auto-increment id is
// left to the database unless given.
func insertServer[T any](tx *gorm.DB, rows []T) error {
	stmt := &gorm.Statement{DB: tx}
	if err := stmt.Parse(&rows[0]); err != nil {
		return err
	}
	var fields []*schema.Field
	var names []string
	for _, f := range stmt.Schema.Fields {
		if f.DBName == "" || !f.Creatable || f.AutoIncrement {
			continue
		}
		fields = append(fields, f)
		names = append(names, `"`+f.DBName+`"`)
	}
	cols := strings.Join(names, ",")
	q := `INSERT INTO "` + stmt.Schema.Table + `" (` + cols + ") SELECT " + cols +
		` FROM json_populate_recordset(NULL::"` + stmt.Schema.Table + `", $1::json)`
	ctx := tx.Statement.Context
	var b strings.Builder
	for start := 0; start < len(rows); start += insertBatch {
		end := min(start+insertBatch, len(rows))
		b.Reset()
		b.WriteByte('[')
		for i := start; i < end; i++ {
			if i > start {
				b.WriteByte(',')
			}
			rv := reflect.ValueOf(&rows[i]).Elem()
			b.WriteByte('{')
			for k, f := range fields {
				if k > 0 {
					b.WriteByte(',')
				}
				v, _ := f.ValueOf(ctx, rv)
				key, _ := json.Marshal(f.DBName)
				val, err := json.Marshal(plain(v))
				if err != nil {
					return err
				}
				b.Write(key)
				b.WriteByte(':')
				b.Write(val)
			}
			b.WriteByte('}')
		}
		b.WriteByte(']')
		if _, err := tx.Statement.ConnPool.ExecContext(ctx, q, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// deferForeignKeysServer defers foreign-key checks to the commit.
func deferForeignKeysServer(tx *gorm.DB) error { return tx.Exec("SET CONSTRAINTS ALL DEFERRED").Error }

// serverSchemaProblems checks that every table and column of the entities
// is there: the server's counterpart of the file's integrity check.
func serverSchemaProblems(db *gorm.DB) []string {
	var out []string
	m := db.Migrator()
	for _, e := range All() {
		stmt := &gorm.Statement{DB: db}
		if err := stmt.Parse(e); err != nil {
			out = append(out, err.Error())
			continue
		}
		if !m.HasTable(e) {
			out = append(out, "缺少数据表 "+stmt.Schema.Table)
			continue
		}
		for _, f := range stmt.Schema.Fields {
			if f.DBName != "" && !m.HasColumn(e, f.DBName) {
				out = append(out, fmt.Sprintf("数据表 %s 缺少列 %s", stmt.Schema.Table, f.DBName))
			}
		}
	}
	return out
}

// serverCode is the SQLSTATE behind err, "" when err is not the server's.
func serverCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// connLost reports whether err says the connection to the server failed.
func connLost(err error) bool {
	if err == nil {
		return false
	}
	c := serverCode(err)
	if strings.HasPrefix(c, "08") || c == "57P01" || c == "57P02" || c == "57P03" {
		return true
	}
	var ne interface{ Timeout() bool } // net.Error and pgconn's connection errors
	return errors.Is(err, ErrConnLost) || errors.As(err, &ne) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, io.ErrUnexpectedEOF) || pgconn.Timeout(err) || strings.Contains(err.Error(), "conn closed")
}

// The server's conditions sorted like SQLite's (see Busy, ReadOnly …).
func serverBusy(err error) bool {
	c := serverCode(err)
	return c == "55P03" || c == "40001" || c == "40P01"
}
func serverReadOnly(err error) bool { c := serverCode(err); return c == "25006" || c == "42501" }
func serverFull(err error) bool     { c := serverCode(err); return c == "53100" || c == "53200" }
func serverDamaged(err error) bool  { c := serverCode(err); return c == "XX001" || c == "XX002" }

func serverLogger() logger.Interface {
	if os.Getenv("XUNCHA_SQL_LOG") != "" {
		return logger.Default.LogMode(logger.Info)
	}
	return logger.Discard
}
