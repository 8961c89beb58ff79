"""Who a directive is addressed to: the directory, aliases, unknown offices, the chair."""

import pytest

from tracker.extraction import BUILTIN_DEPARTMENTS, DepartmentEntry, Directory, extract

REQUIRED_CODES = {
    "LABOUR", "BASIC_EDU", "SECONDARY_EDU", "HEALTH", "WCD", "PROBATION", "SOCIAL_WELFARE",
    "POLICE", "REVENUE", "RURAL_DEV", "PANCHAYATI_RAJ", "URBAN_DEV", "PWD", "FOOD_SUPPLY",
    "AGRICULTURE", "LEGAL_SERVICES", "IT", "SKILL_DEV", "MINORITY_WELFARE", "TRIBAL_AFFAIRS",
    "POWER", "JAL_NIGAM",
}


def departments(sentence: str, directory: Directory | None = None) -> list[str | None]:
    found = extract(sentence, directory=directory)
    assert len(found) == 1, found
    return [a.department for a in found[0].assignees]


def test_builtin_directory_is_complete_and_well_formed():
    codes = [e.code for e in BUILTIN_DEPARTMENTS]
    assert len(codes) >= 35 and len(set(codes)) == len(codes)
    assert set(codes) >= REQUIRED_CODES
    for entry in BUILTIN_DEPARTMENTS:
        assert entry.code.isupper() and entry.name_en and entry.name_hi
        assert any("\u0900" <= ch <= "\u097f" for ch in entry.name_hi)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("जिलाधिकारी ने जिला बेसिक शिक्षा अधिकारी को नामांकन बढ़ाने के निर्देश दिए।", ["BASIC_EDU"]),
        ("जिलाधिकारी ने बीएसए को नामांकन बढ़ाने के निर्देश दिए।", ["BASIC_EDU"]),
        ("The DM directed the DBEO to raise enrolment.", ["BASIC_EDU"]),
        ("The DM directed the District Basic Education Officer to raise enrolment.", ["BASIC_EDU"]),
        ("अधिशासी अभियंता, लोक निर्माण विभाग को सड़क की मरम्मत के निर्देश दिए गए।", ["PWD"]),
        ("The Executive Engineer PWD was directed to repair the road.", ["PWD"]),
        ("The DM directed the P.W.D. to repair the road.", ["PWD"]),
        ("उन्होंने बाल विकास परियोजना अधिकारियों को सर्वे करने के निर्देश दिए।", ["WCD"]),
        ("उन्होंने जिला प्रोबेशन अधिकारी को बच्चों को प्रस्तुत करने के निर्देश दिए।", ["PROBATION"]),
        ("The DPO was directed to produce the children before the CWC.", ["PROBATION"]),
        ("मुख्य सचिव ने पीडीडी को बिजली बहाल करने का निर्देश दिया।", ["POWER"]),
        ("The NIC was asked to host the dashboard.", ["IT"]),
        ("उन्होंने श्रम, कृषि और स्कूल शिक्षा जैसे विभागों से सहयोग करने का आह्वान किया।",
         ["LABOUR", "AGRICULTURE", "BASIC_EDU"]),
        ("He asked the departments of Health, Labour and Social Welfare to share data.",
         ["HEALTH", "LABOUR", "SOCIAL_WELFARE"]),
        ("उन्होंने उप निदेशक कृषि को गोष्ठी कराने के निर्देश दिए।", ["AGRICULTURE"]),
    ],
)
def test_directory_names_aliases_and_designations(sentence, expected):
    assert departments(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("उन्होंने परियोजना निदेशक को रिपोर्ट भेजने के निर्देश दिए।", "परियोजना निदेशक"),
        ("The DM directed the Executive Engineer, Transco to restore the lines.",
         "Executive Engineer, Transco"),
        ("उन्होंने अधिशासी अधिकारी नगर पंचायत को सफाई कराने के निर्देश दिए।",
         "अधिशासी अधिकारी नगर पंचायत"),
    ],
)
def test_unknown_offices_are_kept_as_written(sentence, mention):
    tiny = Directory.from_entries([DepartmentEntry("HEALTH", "Health", "स्वास्थ्य विभाग")])
    found = extract(sentence, directory=tiny)
    assert len(found) == 1
    assert [(a.mention, a.department) for a in found[0].assignees] == [(mention, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "जिलाधिकारी ने निर्देश दिए कि सभी विभाग लंबित शिकायतों का निस्तारण करें।",
        "मुख्य सचिव ने सभी संबंधित विभागों को प्रगति रिपोर्ट भेजने का निर्देश दिया।",
        "उन्होंने सभी संबंधित अधिकारियों को सूची भेजने के निर्देश दिए।",
        "All departments shall prepare an action plan.",
        "All concerned were directed to submit the reports.",
        "The DM directed all the line departments to upload the data.",
    ],
)
def test_all_departments(sentence):
    found = extract(sentence)
    assert len(found) == 1 and found[0].all_departments


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("जिलाधिकारी ने मुख्य चिकित्सा अधिकारी को शिविर लगाने के निर्देश दिए।", ["HEALTH"]),
        ("जिलाधिकारी राकेश वर्मा ने निर्देश दिए कि बेसिक शिक्षा विभाग सर्वे कराए।", ["BASIC_EDU"]),
        ("मुख्य विकास अधिकारी सुमन के. ने बीएसए को सर्वे कराने के निर्देश दिए।", ["BASIC_EDU"]),
        ("The District Magistrate directed the CMO to hold camps.", ["HEALTH"]),
        ("The Chief Secretary, Shri A. K. Rao, directed the SSP to act.", ["POLICE"]),
        ("The meeting was chaired by the CDO, who asked the BSA to report.", ["BASIC_EDU"]),
        ("मुख्य सचिव ने सभी जिलाधिकारियों को पाक्षिक समीक्षा करने के निर्देश दिए।", ["REVENUE"]),
    ],
)
def test_the_chair_is_not_the_assignee(sentence, expected):
    assert departments(sentence) == expected


def test_assignee_offsets_point_at_the_mention():
    text = "जिलाधिकारी ने मुख्य चिकित्सा अधिकारी को शिविर लगाने के निर्देश दिए।"
    (candidate,) = extract(text)
    (assignee,) = candidate.assignees
    assert text[assignee.start:assignee.end] == assignee.mention == "मुख्य चिकित्सा अधिकारी"


def test_merged_overrides_and_adds_aliases():
    base = Directory.builtin()
    merged = base.merged([
        DepartmentEntry("HEALTH", "Medical Department", "चिकित्सा विभाग", ("Sehat Vibhag",)),
        DepartmentEntry("ZOO", "Zoo Authority", "चिड़ियाघर प्राधिकरण", ("Zoo Director",)),
    ])
    entries = {e.code: e for e in merged.entries()}
    assert entries["HEALTH"].name_en == "Medical Department"
    assert "Sehat Vibhag" in entries["HEALTH"].aliases
    assert "CMO" in entries["HEALTH"].aliases  # the built-in aliases stay
    assert {e.code for e in base.entries()} < set(entries)
    assert departments("The DM directed the Sehat Vibhag to hold camps.", merged) == ["HEALTH"]
    assert departments("The DM directed the Zoo Director to report.", merged) == ["ZOO"]
    assert departments("The DM directed the CMO to hold camps.", merged) == ["HEALTH"]
    # the original directory is unchanged
    assert "Sehat Vibhag" not in {a for e in base.entries() for a in e.aliases}


def test_merged_alias_can_move_to_another_code():
    merged = Directory.builtin().merged([DepartmentEntry("FOO", "Foo", "फू", ("BSA",))])
    assert departments("The DM directed the BSA to survey.", merged) == ["FOO"]


def test_directory_is_reused_and_builtin_is_shared():
    assert Directory.builtin() is Directory.builtin()


def test_merged_alias_wins_over_an_earlier_builtin_code():
    entry = DepartmentEntry("BASIC_EDU", "Education", "शिक्षा", ("CMO",))
    merged = Directory.builtin().merged([entry])
    assert departments("The DM directed the CMO to hold camps.", merged) == ["BASIC_EDU"]


def test_merging_the_same_entries_reuses_the_directory():
    entry = DepartmentEntry("ZOO", "Zoo Authority", "चिड़ियाघर प्राधिकरण", ("Zoo Director",))
    assert Directory.builtin().merged([entry]) is Directory.builtin().merged([entry])


def test_the_chair_marked_by_dwara_is_not_the_assignee():
    (found,) = extract("अध्यक्ष महोदय द्वारा निर्देशित किया गया कि लोक निर्माण विभाग सड़क की "
                       "मरम्मत कराए।")
    assert [a.department for a in found.assignees] == ["PWD"]
