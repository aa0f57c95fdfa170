// Hand-written holdout cases for bench/holdout.mjs, written from the providers' published formats
// (../../shared/key-formats.md), independently of the rules' own examples and of the acceptance
// generator. Every key is made at run time: {charset:N} templates (scripts/fixtures/generate.ts) and
// PEM keys from node:crypto. kind "leak" must be found; "quiet" must raise nothing above low severity;
// "public" (keys published by design) may be reported, but only at low severity.
import crypto from 'node:crypto';

const pem = (type, format) => {
  const { privateKey } =
    type === 'rsa'
      ? crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
      : crypto.generateKeyPairSync(type, type === 'ec' ? { namedCurve: 'P-256' } : {});
  return privateKey.export({ type: format, format: 'pem' }).toString();
};
const oneLine = (p) => p.trimEnd().split('\n').join('\\n') + '\\n';
const body = (p) => p.trimEnd().split('\n').slice(1, -1).join('\n');

/** [category, kind, file name, text or () => text]; templates in the text are expanded per seed. */
export const CASES = [
  // ---- PEM in the forms people paste them
  ['pem', 'leak', 'deploy/key.pem', () => pem('rsa', 'pkcs1')],
  ['pem', 'leak', 'config/app.env', () => `APP_NAME=ledger\nSIGNING_KEY="${oneLine(pem('ec', 'pkcs8'))}"\n`],
  ['pem', 'leak', 'gh-app.json', () => JSON.stringify({ appId: 1234, privateKey: pem('rsa', 'pkcs8') }, null, 2)],
  ['pem', 'leak', 'infra/main.tf', () => `locals {\n  tls_key = "${oneLine(pem('ec', 'sec1'))}"\n}\n`],
  [
    'pem',
    'leak',
    'k8s/secret.yaml',
    () => `apiVersion: v1\nkind: Secret\ndata:\n  tls.key: ${Buffer.from(pem('rsa', 'pkcs1')).toString('base64')}\n`,
  ],
  ['pem', 'leak', 'ci/vars.yml', () => `variables:\n  DEPLOY_KEY: '${oneLine(pem('ed25519', 'pkcs8'))}'\n`],
  ['pem', 'leak', 'body-only.txt', () => `${body(pem('rsa', 'pkcs8'))}\n`],
  ['pem', 'leak', 'certs/bundle.pfx', '\u0000binary'],
  [
    'pem',
    'leak',
    'sa.json',
    `{\n  "type": "service_account",\n  "project_id": "ledger-prod-{digits:4}",\n  "private_key_id": "{hex:40}",\n  "client_email": "ci@ledger-prod.iam.gserviceaccount.com"\n}\n`,
  ],
  [
    'pem',
    'leak',
    'sa-escaped.json',
    `{"GOOGLE_CREDENTIALS": "{\\n  \\"type\\": \\"service_account\\",\\n  \\"private_key_id\\": \\"{hex:40}\\",\\n  \\"client_email\\": \\"x@y.iam.gserviceaccount.com\\"\\n}"}\n`,
  ],
  // ---- Slack
  ['slack', 'leak', 'a.env', 'SLACK_TOKEN=xoxp-{nz}{digits:11}-{nz}{digits:11}-{nz}{digits:12}-{hex:32}\n'],
  ['slack', 'leak', 'b.py', 'client = WebClient(token="xoxa-2-{nz}{digits:11}-{nz}{digits:11}-{nz}{digits:12}-{hex:32}")\n'],
  ['slack', 'leak', 'c.sh', 'export SLACK_LEGACY=xoxs-{nz}{digits:9}-{nz}{digits:11}-{nz}{digits:11}-{hex:64}\n'],
  ['slack', 'leak', 'd.yaml', 'slack:\n  config_token: xoxe.xoxb-1-{alnum:160}\n'],
  ['slack', 'leak', 'e.json', '{"refresh": "xoxe-1-{alnum:140}"}\n'],
  ['slack', 'leak', 'f.ts', 'const APP = "xapp-1-A{upperalnum:10}-{nz}{digits:12}-{hex:64}";\n'],
  ['slack', 'leak', 'g.sh', 'curl -d @msg.json http://hooks.slack.com/services/T{upperalnum:8}/B{upperalnum:10}/{alnum:24}\n'],
  ['slack', 'leak', 'h.md', 'Workflow: https://hooks.slack.com/workflows/T{upperalnum:10}/A{upperalnum:10}/{nz}{digits:17}/{alnum:24}\n'],
  // ---- Credentials in URLs
  ['url', 'leak', 'a.sh', 'git clone https://builder:{alnum:18}@git.internal.brightcorp.net/app.git\n'],
  ['url', 'leak', 'b.env', 'REDIS_URL=redis://:Sun{digits:3}river{digits:2}@cache.internal:6379/0\n'],
  ['url', 'leak', 'c.yaml', 'broker: amqps://billing:{alnum:22}@mq.prod.internal:5671/billing\n'],
  ['url', 'leak', 'd.py', 'FTP = "ftp://upload:Harbor{digits:4}!@files.partner.net/in"\n'],
  ['url', 'leak', 'e.ini', '[mail]\nurl = smtp://alerts:{alnum:16}@smtp.mailhost.net:587\n'],
  ['url', 'leak', 'f.js', 'const db = "postgresql://app:Maple{digits:2}Stone{digits:2}@db-1.internal:5432/app";\n'],
  ['url', 'quiet', 'g.env', 'DATABASE_URL=postgres://USER:PASSWORD@localhost:5432/dev\nREDIS_URL=redis://:${REDIS_PASSWORD}@redis:6379\n'],
  ['url', 'quiet', 'h.md', 'Use `mongodb+srv://<user>:<password>@cluster0.example.mongodb.net/` and `https://user:pass@host/`.\n'],
  ['url', 'quiet', 'i.yaml', 'url: "amqp://{{ .Values.user }}:{{ .Values.pass }}@{{ .Release.Name }}-mq:5672/"\n'],
  ['url', 'quiet', 'j.py', 'def url(u, p, h):\n    return f"mysql://{u}:{p}@{h}/app"\nDEV = "mysql://root:changeme@db:3306/app"\n'],
  // ---- Values without quotes, hex and UUID secrets
  ['unquoted', 'leak', 'a.env', 'SERVICE_TOKEN={alnum:36}\n'],
  ['unquoted', 'leak', 'b.yaml', 'db:\n  password: {alnum:6}{digits:2}{alnum:12}\n'],
  ['unquoted', 'leak', 'c.ini', '[api]\napi_key = {b64url:32}\n'],
  ['unquoted', 'leak', 'd.yml', 'services:\n  app:\n    environment:\n      - JWT_SECRET={alnum:40}\n'],
  ['unquoted', 'leak', 'e.py', 'CLIENT_SECRET = "{hex:32}"\n'],
  ['unquoted', 'leak', 'f.json', '{"webhook_secret": "{hex:64}"}\n'],
  ['unquoted', 'leak', 'g.yaml', 'auth:\n  access_token: {uuid}\n'],
  [
    'unquoted',
    'quiet',
    'h.yaml',
    'auth:\n  existingSecret: app-db-credentials-v2\n  password: ${DB_PASSWORD}\n  token: {{ .Values.token }}\n',
  ],
  ['unquoted', 'quiet', 'i.log', 'request_id={uuid} trace_id={hex:32} session_id={hex:40}\n'],
  ['unquoted', 'quiet', 'j.py', 'SECRET_KEY = os.environ["SECRET_KEY"]\ntoken = get_token(user_id)\npassword = self.password\n'],
  // ---- Prefixed SaaS keys
  ['saas', 'leak', 'a.env', 'STRIPE_KEY=rk_live_51{alnum:97}\n'],
  ['saas', 'leak', 'b.ts', 'const v = "vcr_{alnum:56}";\n'],
  ['saas', 'leak', 'c.sh', 'export GRAFANA_TOKEN=glc_{b64:120}\n'],
  ['saas', 'leak', 'd.py', 'notion = Client(auth="ntn_{nz}{digits:10}{alnum:35}")\n'],
  ['saas', 'leak', 'e.cfg', 'token = dapi{HEX:32}\n'],
  ['saas', 'leak', 'f.yaml', 'groq_key: gsk_{alnum:52}\n'],
  // ---- OpenAI, Anthropic
  ['llm', 'leak', 'a.sh', 'curl https://api.openai.com/v1/models -H "Authorization: Bearer sk-proj-{b64url:58}T3BlbkFJ{b64url:58}"\n'],
  ['llm', 'leak', 'b.env', 'OPENAI_API_KEY=sk-proj-{b64url:155}A\n'],
  ['llm', 'leak', 'c.py', 'openai.api_key = "sk-{alnum:20}T3BlbkFJ{alnum:20}"\n'],
  ['llm', 'leak', 'd.env', 'OPENAI_ADMIN_KEY=sk-admin-{b64url:58}T3BlbkFJ{b64url:58}\n'],
  ['llm', 'leak', 'e.ts', 'new Anthropic({ apiKey: "sk-ant-api03-{b64url:93}AA" });\n'],
  ['llm', 'leak', 'f.sh', 'curl -H "x-api-key: sk-ant-admin01-{b64url:93}AA" https://api.anthropic.com/v1/organizations/users\n'],
  ['llm', 'quiet', 'g.md', 'Set `OPENAI_API_KEY=sk-proj-...` and `ANTHROPIC_API_KEY=sk-ant-api03-your-key-here`.\n'],
  // ---- Cloudinary SDK forms
  [
    'cloudinary',
    'leak',
    'a.js',
    "cloudinary.config({\n  cloud_name: 'shop-media',\n  api_key: '{nz}{digits:14}',\n  api_secret: '{b64url:27}'\n});\n",
  ],
  ['cloudinary', 'leak', 'b.py', 'cloudinary.config(cloud_name="shop", api_key="{nz}{digits:14}", api_secret="{b64url:27}")\n'],
  ['cloudinary', 'leak', 'c.yml', 'cloudinary:\n  cloud_name: shop\n  api_key: {nz}{digits:14}\n  api_secret: {b64url:27}\n'],
  ['cloudinary', 'leak', 'd.log', 'INFO upload cfg cloudinary_cloudName=shop cloudinary_apiSecret={b64url:27}\n'],
  ['cloudinary', 'quiet', 'e.js', 'cloudinary.createUploadWidget({ cloudName: "shop", uploadPreset: "avatars" });\n'],
  // ---- Look-alikes in ordinary code
  [
    'quiet-code',
    'quiet',
    'a.ts',
    'export type R = Cohere.EmbedByTypeResponseEmbeddingsFloatValues;\nconst k: Mistral.ChatCompletionStreamRequestMessages = x;\n',
  ],
  [
    'quiet-code',
    'quiet',
    'b.md',
    '```\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA{b64:48}\n...\n-----END RSA PRIVATE KEY-----\n```\n',
  ],
  [
    'quiet-code',
    'quiet',
    'c.d.ts',
    '/** @example "AKIAIOSFODNN7EXAMPLE" */\naccessKeyId: string;\n/** e.g. sk_live_EXAMPLEKEYEXAMPLEKEY1234 */\n',
  ],
  ['quiet-code', 'quiet', 'd.yaml', 'steps:\n  - uses: actions/checkout@{hex:40}\n    with:\n      key: cache-{hex:64}\n'],
  ['quiet-code', 'quiet', 'e.json', '{"integrity": "sha512-{b64:86}==", "resolved": "https://registry.npmjs.org/x/-/x-1.0.0.tgz"}\n'],
  [
    'quiet-code',
    'quiet',
    'f.yaml',
    'i18n:\n  api_key: integrationsPagerDutyApiKeyTooltipText\n  secret: settingsWebhookSigningSecretHelp\n',
  ],
  ['quiet-code', 'quiet', 'g.py', 'PASSWORD_HASH = "$2b$12${b64:53}"\nhtpasswd: admin:$apr1${alnum:8}${b64:22}\n'],
  // ---- Public by design: low severity or nothing
  [
    'public',
    'public',
    'a.ts',
    'const firebaseConfig = {\n  apiKey: "AIzaSy{b64url:33}",\n  authDomain: "shop-{lower:5}.firebaseapp.com",\n  projectId: "shop",\n};\n',
  ],
  ['public', 'public', 'b.html', '<script src="https://maps.googleapis.com/maps/api/js?key=AIza{b64url:35}&callback=init"></script>\n'],
  ['public', 'public', 'c.env', 'NEXT_PUBLIC_STRIPE_KEY=pk_live_51{alnum:97}\n'],
];
