import type { RubricDefinition } from "../../app/domain/rubric";

// Demo rubrics. Weights are not published for the real award; these are plausible ones that an
// Indonesian provincial committee could adopt, following the aspects described in DOMAIN.md.

const interviewAndVerification: RubricDefinition["criteria"] = [
  {
    id: "data_validity",
    stage: "verification",
    weight: 1,
    type: "judged",
    max: 100,
    step: 1,
    name: { id: "Kesesuaian data dan bukti dukung", en: "Data matches the evidence" },
  },
  {
    id: "commitment",
    stage: "interview",
    weight: 50,
    type: "judged",
    max: 100,
    step: 1,
    name: { id: "Komitmen pimpinan", en: "Leadership commitment" },
  },
  {
    id: "innovation",
    stage: "interview",
    weight: 50,
    type: "judged",
    max: 100,
    step: 1,
    name: { id: "Inovasi", en: "Innovation" },
  },
];

const stages: RubricDefinition["stages"] = [
  { id: "desk", weight: 50, advance: { top: 5 } },
  { id: "verification", weight: 20, advance: { top: 3 } },
  { id: "interview", weight: 30 },
];

export const governmentRubric: RubricDefinition = {
  stages,
  criteria: [
    {
      id: "regulation",
      stage: "desk",
      weight: 25,
      type: "judged",
      max: 100,
      step: 1,
      evidenceRequired: true,
      name: { id: "Aspek regulasi", en: "Regulation" },
      description: {
        id: "Perda/Perkada tentang jaminan sosial ketenagakerjaan, kewajiban perlindungan non-ASN dan pekerja rentan, syarat perizinan, sanksi.",
        en: "Regional regulation on employment social security, protection of non-ASN staff and vulnerable workers, licensing condition, sanctions.",
      },
    },
    {
      id: "budget",
      stage: "desk",
      weight: 15,
      type: "judged",
      max: 100,
      step: 1,
      evidenceRequired: true,
      name: { id: "Alokasi APBD", en: "Budget allocation" },
      description: {
        id: "APBD yang membayar iuran pekerja rentan.",
        en: "Regional budget paying contributions of vulnerable workers.",
      },
    },
    {
      id: "coverage",
      stage: "desk",
      weight: 20,
      type: "indicator",
      indicator: "coverage_pct",
      name: { id: "Cakupan kepesertaan (PU + BPU)", en: "Coverage (wage + non-wage earners)" },
      bands: [
        { min: 60, points: 100 },
        { min: 45, points: 80 },
        { min: 30, points: 60 },
        { min: 15, points: 40 },
        { min: 0, points: 20 },
      ],
    },
    {
      id: "non_asn",
      stage: "desk",
      weight: 15,
      type: "indicator",
      indicator: "non_asn_pct",
      name: { id: "Non-ASN dalam empat program", en: "Non-ASN staff in all four programmes" },
      bands: [
        { min: 90, points: 100 },
        { min: 70, points: 75 },
        { min: 50, points: 50 },
        { min: 0, points: 25 },
      ],
    },
    {
      id: "vulnerable",
      stage: "desk",
      weight: 10,
      type: "indicator",
      indicator: "vulnerable_workers",
      name: { id: "Pekerja rentan dibiayai APBD", en: "Vulnerable workers paid by the regional budget" },
      bands: [
        { min: 20000, points: 100 },
        { min: 10000, points: 80 },
        { min: 5000, points: 60 },
        { min: 1000, points: 40 },
        { min: 0, points: 10 },
      ],
    },
    {
      id: "performance",
      stage: "desk",
      weight: 15,
      type: "judged",
      max: 100,
      step: 1,
      evidenceRequired: true,
      name: { id: "Aspek kinerja dan program", en: "Performance and programmes" },
    },
    ...interviewAndVerification,
  ],
  gates: [],
};

export function companyRubric(minProgrammes: number): RubricDefinition {
  return {
    stages,
    criteria: [
      {
        id: "enrolment",
        stage: "desk",
        weight: 20,
        type: "indicator",
        indicator: "coverage_pct",
        name: { id: "Pekerja terdaftar", en: "Workers registered" },
        bands: [
          { min: 100, points: 100 },
          { min: 95, points: 85 },
          { min: 90, points: 70 },
          { min: 75, points: 50 },
          { min: 0, points: 20 },
        ],
      },
      {
        id: "programmes",
        stage: "desk",
        weight: 15,
        type: "indicator",
        indicator: "programmes",
        name: { id: "Program yang diikuti", en: "Programmes enrolled" },
        bands: [
          { min: minProgrammes, points: 100 },
          { min: minProgrammes - 1, points: 60 },
          ...(minProgrammes > 2 ? [{ min: 1, points: 20 }] : []),
        ],
      },
      {
        id: "on_time",
        stage: "desk",
        weight: 15,
        type: "indicator",
        indicator: "on_time_months",
        name: { id: "Iuran tepat waktu (bulan)", en: "Contributions on time (months)" },
        bands: [
          { min: 12, points: 100 },
          { min: 11, points: 80 },
          { min: 9, points: 50 },
          { min: 0, points: 10 },
        ],
      },
      {
        id: "wages",
        stage: "desk",
        weight: 10,
        type: "indicator",
        indicator: "wage_ratio_pct",
        name: { id: "Upah dilaporkan sesuai", en: "Wages reported truthfully" },
        bands: [
          { min: 100, points: 100 },
          { min: 95, points: 70 },
          { min: 85, points: 40 },
          { min: 0, points: 0 },
        ],
      },
      {
        id: "administration",
        stage: "desk",
        weight: 20,
        type: "judged",
        max: 100,
        step: 1,
        evidenceRequired: true,
        name: { id: "Tertib administrasi kepesertaan", en: "Membership administration" },
        description: {
          id: "Data kepesertaan mutakhir, pelaporan kecelakaan kerja, bantuan klaim.",
          en: "Current membership data, accident reports, claims help.",
        },
      },
      {
        id: "extra_protection",
        stage: "desk",
        weight: 20,
        type: "judged",
        max: 100,
        step: 1,
        evidenceRequired: true,
        name: { id: "Perlindungan tambahan dan K3", en: "Extra protection and safety (K3)" },
      },
      ...interviewAndVerification,
    ],
    gates: [{ id: "no_arrears", indicator: "arrears_months", op: "<=", value: 0 }],
  };
}

export const demoMethod = {
  aggregate: { kind: "trimmed-mean", trim: 1, minPanel: 5 },
  calibration: "none",
  ranking: "competition",
  tieBreak: ["stage:interview", "stage:desk"],
  disagreementSd: 15,
  sensitivity: { weightDelta: 0.1 },
};

// National rubrics (docs/levels.md): the national edition verifies and validates the nominees
// centrally, then the national jury interviews the best. A nominee's provincial evidence is read
// through its source entry; the provinces, invited directly, give their own (evidenceRequired).

const nationalStages: RubricDefinition["stages"] = [
  { id: "verification", weight: 40, advance: { top: 3 } },
  { id: "interview", weight: 60 },
];

const nationalInterview: RubricDefinition["criteria"] = [
  {
    id: "commitment",
    stage: "interview",
    weight: 40,
    type: "judged",
    max: 100,
    step: 1,
    name: { id: "Komitmen pimpinan", en: "Leadership commitment" },
  },
  {
    id: "innovation",
    stage: "interview",
    weight: 40,
    type: "judged",
    max: 100,
    step: 1,
    name: { id: "Inovasi dan keberlanjutan", en: "Innovation and continuity" },
  },
  {
    id: "presentation",
    stage: "interview",
    weight: 20,
    type: "judged",
    max: 100,
    step: 1,
    name: { id: "Paparan dan pemahaman materi", en: "Presentation and understanding" },
  },
];

/** The national rubric of a government category; `direct`: entrants invited directly (provinces) give evidence. */
export function nationalGovernmentRubric(direct: boolean): RubricDefinition {
  return {
    stages: nationalStages,
    criteria: [
      {
        id: "data_validity",
        stage: "verification",
        weight: 40,
        type: "judged",
        max: 100,
        step: 1,
        name: { id: "Verifikasi dan validasi data", en: "Data verified and validated" },
      },
      {
        id: "policy",
        stage: "verification",
        weight: 30,
        type: "judged",
        max: 100,
        step: 1,
        evidenceRequired: direct,
        name: { id: "Kebijakan dan regulasi daerah", en: "Regional policy and regulation" },
      },
      {
        id: "implementation",
        stage: "verification",
        weight: 30,
        type: "judged",
        max: 100,
        step: 1,
        evidenceRequired: direct,
        name: { id: "Pelaksanaan dan kinerja perlindungan", en: "Implementation and performance" },
      },
      ...nationalInterview,
    ],
    gates: [],
  };
}

export const nationalCompanyRubric: RubricDefinition = {
  stages: nationalStages,
  criteria: [
    {
      id: "compliance",
      stage: "verification",
      weight: 60,
      type: "judged",
      max: 100,
      step: 1,
      name: { id: "Kepatuhan (iuran, upah, kepesertaan)", en: "Compliance (contributions, wages, enrolment)" },
    },
    {
      id: "digital",
      stage: "verification",
      weight: 40,
      type: "judged",
      max: 100,
      step: 1,
      name: { id: "Komitmen digital (SIPP, JMO)", en: "Digital commitment (SIPP, JMO)" },
    },
    ...nationalInterview,
  ],
  gates: [{ id: "no_arrears", indicator: "arrears_months", op: "<=", value: 0 }],
};

export const nationalMethod = { ...demoMethod, tieBreak: ["stage:interview", "stage:verification"] };
