// Generated from src/vocabulary.rs and src/words.rs by `UPDATE_EDITORS=1 cargo test --test integration editors`; do not edit.
// grammar.js gives each entry and field its shape, and fails to generate when
// the two disagree.
module.exports = {
  entries: ["plan","concern","goal","objective","intervention","medication","measure","session","review","event","safety-plan","discharge"],
  fields: ["client","born","clinician","prescriber","opened","orientation","integration","rationale","stage","care","review","risk","discharge-criteria","diagnosis","since","measure","due","frequency","course","consent","dose","started","stopped","monitor","range","better","reliable-change","used","progress","score","note","homework","minutes","format","attendance","assessment","status","revise","stop","next","warning-signs","coping","contacts","means-safety","referral"],
  values: {
    "stage": ["precontemplation","contemplation","preparation","action","maintenance"],
    "achievement": ["in-progress","improving","worsening","no-change","achieved","sustaining","not-achieved","no-progress","not-attainable"],
    "integration": ["assimilative","theoretical","common-factors","eclectic"],
    "care": ["single","concurrent","sequential","maintenance"],
    "risk": ["low","moderate","high"],
    "better": ["lower","higher"],
    "format": ["in-person","telehealth","group","family"],
    "event": ["crisis","relapse","hospitalization","life-event"],
    "cadence": ["daily","weekly","fortnightly","monthly"],
    "attendance": ["attended","no-show","cancelled","late-cancelled"],
    "discharge": ["completed","transferred","withdrew","administrative"],
    "extent-unit": ["sessions","session","days","day","weeks","week","months","month"],
    "per": ["day","week","month"],
    "unit": ["days","day","weeks","week","months","month"],
    "comparator": ["<=",">=","<",">","="],
  },
};
