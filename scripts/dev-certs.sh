#!/usr/bin/env bash
# Makes a self-signed certificate for https://localhost and https://127.0.0.1 in .certs/ (the add-in needs HTTPS).
# Then: TLS_CERT=.certs/localhost.crt TLS_KEY=.certs/localhost.key npm start
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .certs
if [ -s .certs/localhost.crt ] && [ -s .certs/localhost.key ] && [ "${1:-}" != "--force" ]; then
  echo "证书已存在：.certs/localhost.crt（重新生成请加 --force）"
  exit 0
fi
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 825 \
  -keyout .certs/localhost.key -out .certs/localhost.crt \
  -subj "/CN=localhost/O=Yanbiao dev" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -addext "extendedKeyUsage=serverAuth" 2>/dev/null
chmod 600 .certs/localhost.key
echo "已生成开发证书：.certs/localhost.crt 与 .certs/localhost.key"
echo "启动 HTTPS：TLS_CERT=.certs/localhost.crt TLS_KEY=.certs/localhost.key npm start"
echo "（需要让系统信任该证书，Excel 才会加载加载项）"
