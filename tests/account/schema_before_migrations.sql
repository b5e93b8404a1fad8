-- The accounts database as `python -m account init` created it before the migrations (commit 12e14f2,
-- SQLite, `Base.metadata.create_all`): tables and indexes, no alembic_version table.
-- tests/account/test_migrations.py builds a database from it and upgrades it.

CREATE TABLE registrations (
	email VARCHAR(100),
	surname VARCHAR(50),
	first_name VARCHAR(50),
	phone VARCHAR(20),
	street_number VARCHAR(12),
	street_type VARCHAR(30),
	street_name VARCHAR(100),
	complement VARCHAR(100),
	postcode VARCHAR(10),
	city VARCHAR(60),
	country VARCHAR(2),
	trust_question VARCHAR(30),
	trust_answer VARCHAR(100),
	password_hash TEXT,
	language VARCHAR(2) NOT NULL,
	id INTEGER NOT NULL,
	email_key VARCHAR(100) NOT NULL,
	status VARCHAR(10) NOT NULL,
	code_hash VARCHAR(64) NOT NULL,
	created_at DATETIME NOT NULL,
	expires_at DATETIME NOT NULL,
	closed_at DATETIME,
	PRIMARY KEY (id)
);

CREATE INDEX ix_registrations_email_key ON registrations (email_key);

CREATE UNIQUE INDEX one_pending_registration_per_email ON registrations (email_key) WHERE status = 'pending';

CREATE TABLE accounts (
	email VARCHAR(100),
	surname VARCHAR(50),
	first_name VARCHAR(50),
	phone VARCHAR(20),
	street_number VARCHAR(12),
	street_type VARCHAR(30),
	street_name VARCHAR(100),
	complement VARCHAR(100),
	postcode VARCHAR(10),
	city VARCHAR(60),
	country VARCHAR(2),
	trust_question VARCHAR(30),
	trust_answer VARCHAR(100),
	password_hash TEXT,
	language VARCHAR(2) NOT NULL,
	id INTEGER NOT NULL,
	subscriber_number VARCHAR(14) NOT NULL,
	email_key VARCHAR(100) NOT NULL,
	registered_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (subscriber_number),
	UNIQUE (email_key)
);

CREATE TABLE subscriber_sequences (
	day VARCHAR(7) NOT NULL,
	last_value INTEGER NOT NULL,
	PRIMARY KEY (day)
);

CREATE TABLE activation_throttles (
	email_key VARCHAR(100) NOT NULL,
	failures INTEGER NOT NULL,
	locked_until DATETIME,
	PRIMARY KEY (email_key)
);

CREATE TABLE captcha_challenges (
	id VARCHAR(43) NOT NULL,
	answer VARCHAR(6) NOT NULL,
	created_at DATETIME NOT NULL,
	expires_at DATETIME NOT NULL,
	used_at DATETIME,
	PRIMARY KEY (id)
);

CREATE TABLE pre_registration_records (
	id INTEGER NOT NULL,
	conversation_hash VARCHAR(64) NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id)
);

CREATE INDEX ix_pre_registration_records_conversation_hash ON pre_registration_records (conversation_hash);

CREATE INDEX ix_pre_registration_records_created_at ON pre_registration_records (created_at);

CREATE TABLE summary_links (
	token_hash VARCHAR(64) NOT NULL,
	conversation_hash VARCHAR(64) NOT NULL,
	subscriber_number VARCHAR(14) NOT NULL,
	language VARCHAR(2) NOT NULL,
	expires_at DATETIME NOT NULL,
	PRIMARY KEY (token_hash)
);

CREATE INDEX ix_summary_links_expires_at ON summary_links (expires_at);

CREATE TABLE certificate_accounts (
	id INTEGER NOT NULL,
	email_key VARCHAR(100) NOT NULL,
	holder VARCHAR(120) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (email_key, holder)
);

CREATE INDEX ix_certificate_accounts_email_key ON certificate_accounts (email_key);
