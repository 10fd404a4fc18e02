#!/usr/bin/env bash
# Regenerates docs/openapi.json, the committed copy of the OpenAPI document (/openapi/v1.json): runs the contract test
# with CITYEX_OPENAPI_OUT set, which writes the document the app serves (normalised: keys sorted, indented) to that
# path instead of comparing. Review the diff, then commit it.
#   flock /tmp/cityex-heavy.lock scripts/openapi.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CITYEX_OPENAPI_OUT="$ROOT/docs/openapi.json" dotnet test "$ROOT/tests/CityExchange.Web.Tests" -v q --nologo \
  --filter "FullyQualifiedName~OpenApiDocumentTests.TheServedDocument_IsTheCommittedCopy"
git -C "$ROOT" diff --stat -- docs/openapi.json
