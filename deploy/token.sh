#!/bin/sh
# Prints a bearer token signed with the key pair that docker-compose.yml's jwt-dev-keys service made, for trying the
# production mode without an identity provider. A real trust's tokens come from its identity provider.
#   deploy/token.sh PERSON_ID TRUST_ID [ROLE...] [--hours N]
set -eu
if [ "$#" -lt 2 ]; then
  echo "usage: $0 PERSON_ID TRUST_ID [ROLE...] [--hours N]" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
# accord.jar's manifest puts /app/lib on the class path with it
exec docker compose run --rm --no-deps -T --entrypoint java jwt-dev-keys \
  -cp /app/accord.jar org.accord.app.production.DevTokens token /etc/accord/jwt "$@"
