# Read by cpack for each generator (CPACK_PROJECT_CONFIG_FILE). Debian: each package's first
# description line is its own synopsis (CPACK_DEBIAN_<COMPONENT>_DESCRIPTION); CPackDeb
# would put the project's summary above it otherwise.
if(CPACK_GENERATOR STREQUAL "DEB")
    unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
endif()
