-- wrk script for the intake benchmark: every request a new, valid application with its own Idempotency-Key.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
end

local chars = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
local function passport()
  local t = {}
  for i = 1, 9 do
    local n = math.random(1, #chars)
    t[i] = chars:sub(n, n)
  end
  return table.concat(t)
end

local countries = {"US", "US", "US", "GB", "GB", "DE", "CA", "PL", "LT", "FR", "PT", "BR", "JP", "AU", "NO"}
-- a realistic spread of names, in the scripts volunteers write them in
local given = {"James", "Michael", "Robert", "David", "John", "William", "Thomas", "Daniel", "Matthew", "Anthony",
  "Oliver", "Harry", "George", "Jack", "Lukas", "Maximilian", "Jakub", "Piotr", "Tomasz", "Mantas", "Lucas", "João",
  "Hiroshi", "Kenji", "Liam", "Noah", "Sarah", "Emma", "Olga", "Anna", "Marie", "Ingrid", "Aleksandr", "Олександр",
  "Тарас", "Андрій", "محمد", "أحمد", "Ji-hoon", "太郎", "Zoë", "José", "François", "Ólafur", "Søren"}
local surnames = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Clark",
  "Müller", "Schmidt", "Schneider", "Kowalski", "Nowak", "Wiśniewski", "Kazlauskas", "Silva", "Santos", "Tanaka",
  "Suzuki", "MacDonald", "O'Brien", "Nguyen", "Martin", "Bernard", "Dubois", "Hansen", "Johansen", "Шевченко",
  "Коваленко", "Бондаренко", "الحسن", "Kim", "山田", "García", "Fernández", "Łukasiewicz", "Van der Berg"}
local function pick(list)
  return list[math.random(1, #list)]
end
local function birthDate()
  return string.format("%04d-%02d-%02d", math.random(1966, 2006), math.random(1, 12), math.random(1, 28))
end

-- every application the same address (the hostile case of ADR 0185), or with UNIQUE_MAIL=1 one of its own
local unique_mail = os.getenv("UNIQUE_MAIL") == "1"

request = function()
  counter = counter + 1
  local mail = unique_mail and ("v" .. id .. "-" .. counter .. "@example.org") or "arthur@example.org"
  local c = countries[math.random(1, #countries)]
  local body = '{"givenNames":"' .. pick(given) .. '","surname":"' .. pick(surnames) .. '","dateOfBirth":"' .. birthDate() .. '","sex":"M",'
    .. '"nationality":"' .. c .. '","countryOfResidence":"' .. c .. '",'
    .. '"passport":{"number":"' .. passport() .. '","issuingCountry":"' .. c .. '","expiryDate":"2031-01-01"},'
    .. '"email":"' .. mail .. '","phone":"+441234567890","languages":["en"],"role":"INFANTRY",'
    .. '"militaryExperience":{"years":4,"branch":"Army","combatDeployments":1},'
    .. '"criminalRecord":false,"homeCountryLawAcknowledged":true}'
  local headers = {}
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = "bench-" .. id .. "-" .. counter .. "-" .. math.random(1, 1000000000)
  return wrk.format("POST", "/api/v1/enlistments", headers, body)
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
