/** Says plainly which database dialects the suites run on this time. */
export default function setup(): void {
  if (process.env.TEST_DATABASE_URL) {
    console.log(`\n[madoguchi] database suites run on SQLite and PostgreSQL (${process.env.TEST_DATABASE_URL.replace(/\/\/[^@]*@/, '//***@')})\n`)
  } else {
    console.log('\n[madoguchi] TEST_DATABASE_URL is not set: database suites run on SQLite only; PostgreSQL is SKIPPED.\n' +
      '            Set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run them on PostgreSQL too.\n')
  }
}
