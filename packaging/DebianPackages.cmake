# The Debian packages, one per install component, as Debian's tools and administrators expect
# them (the packaging test runs lintian --pedantic on each, installs them into a copy of the
# system and purges them again):
#
#   finchat            the desktop app                          (component app)
#   finchat-server     the server, its unit and configuration   (component server)
#   finchat-botrunner  the bot runner, its unit and helper      (component bots)
#   finchat-stockbot   the stock bot plugin                     (component stockbot)
#   finchat-bot-sdk    the plugin header and CMake package      (component sdk)
#
# The stock bot is a package of its own because two others load it: the runner beside a
# system server, and the app when it hosts a server for its user. Each binary package gets a
# -dbgsym package holding its debug information (the binaries themselves are stripped).

# The changelog and the copyright file every package carries in /usr/share/doc/<package>.
file(STRINGS ${CMAKE_CURRENT_SOURCE_DIR}/changelog FINCHAT_CHANGELOG_TOP LIMIT_COUNT 1)
if(NOT FINCHAT_CHANGELOG_TOP MATCHES "^finchat \\(${PROJECT_VERSION}\\) ")
    message(FATAL_ERROR "packaging/changelog has no entry for version ${PROJECT_VERSION} at its top")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
    ${CMAKE_CURRENT_SOURCE_DIR}/changelog ${PROJECT_SOURCE_DIR}/LICENSE)
find_program(FINCHAT_GZIP gzip REQUIRED)
# A native package's changelog is changelog.gz; -n keeps the build reproducible.
execute_process(COMMAND ${FINCHAT_GZIP} -9n -c ${CMAKE_CURRENT_SOURCE_DIR}/changelog
    OUTPUT_FILE ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz COMMAND_ERROR_IS_FATAL ANY)

# debian/copyright in the machine-readable format, its licence text taken from LICENSE.
file(READ ${PROJECT_SOURCE_DIR}/LICENSE FINCHAT_LICENSE)
string(REGEX MATCH "Copyright \\(c\\) ([^\n]*)" _ "${FINCHAT_LICENSE}")
set(FINCHAT_COPYRIGHT_HOLDER "${CMAKE_MATCH_1}")
string(REGEX REPLACE "^.*Copyright \\(c\\) [^\n]*\n\n" "" FINCHAT_LICENSE_TEXT "${FINCHAT_LICENSE}")
string(STRIP "${FINCHAT_LICENSE_TEXT}" FINCHAT_LICENSE_TEXT)
string(REPLACE "\n\n" "\n.\n" FINCHAT_LICENSE_TEXT "${FINCHAT_LICENSE_TEXT}")
string(REPLACE "\n" "\n " FINCHAT_LICENSE_TEXT "${FINCHAT_LICENSE_TEXT}")
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/copyright
"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: FinChat
Upstream-Contact: ${CPACK_PACKAGE_CONTACT}
Source: ${PROJECT_HOMEPAGE_URL}

Files: *
Copyright: ${FINCHAT_COPYRIGHT_HOLDER}
License: MIT

License: MIT
 ${FINCHAT_LICENSE_TEXT}
")

set(FINCHAT_DEB_PACKAGES app finchat server finchat-server bots finchat-botrunner
    stockbot finchat-stockbot sdk finchat-bot-sdk)
while(FINCHAT_DEB_PACKAGES)
    list(POP_FRONT FINCHAT_DEB_PACKAGES component package)
    string(TOUPPER ${component} COMPONENT)
    set(CPACK_DEBIAN_${COMPONENT}_PACKAGE_NAME ${package})
    install(FILES ${CMAKE_CURRENT_BINARY_DIR}/copyright ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz
        DESTINATION share/doc/${package} COMPONENT ${component})
endwhile()
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/protocol.md
    DESTINATION share/doc/finchat-server COMPONENT server)
install(FILES ${PROJECT_SOURCE_DIR}/docs/plugins.md DESTINATION share/doc/finchat-botrunner COMPONENT bots)
# The one lintian tag a package overrides, with the reason in the file.
install(FILES lintian/finchat-botrunner DESTINATION share/lintian/overrides COMPONENT bots)
install(FILES ${PROJECT_SOURCE_DIR}/docs/plugins.md DESTINATION share/doc/finchat-bot-sdk COMPONENT sdk)

# Manual pages, made from each program's own --help (help2man), so that they cannot drift
# from what the program accepts; the subcommands are part of finchat-server's.
find_program(FINCHAT_HELP2MAN help2man)
if(FINCHAT_HELP2MAN AND NOT CMAKE_CROSSCOMPILING AND NOT FINCHAT_SANITIZE AND NOT FINCHAT_FUZZ)
    set(FINCHAT_MAN_PAGES
        finchat app "desktop chat for people who talk about markets"
        finchat-server server "chat server for people who talk about markets"
        finchat-botrunner bots "serve FinChat bot plugins to a FinChat server")
    set(_finchat_pages)
    while(FINCHAT_MAN_PAGES)
        list(POP_FRONT FINCHAT_MAN_PAGES program component summary)
        set(page ${CMAKE_CURRENT_BINARY_DIR}/man/${program}.1.gz)
        add_custom_command(OUTPUT ${page}
            COMMAND ${CMAKE_COMMAND} -DHELP2MAN=${FINCHAT_HELP2MAN} -DPROGRAM=$<TARGET_FILE:${program}>
                -DNAME=${summary} -DINCLUDE=${CMAKE_CURRENT_SOURCE_DIR}/man/${program}.h2m
                -DBUILD_PLUGIN_DIR=${FINCHAT_PLUGIN_OUTPUT_DIR}
                -DINSTALLED_PLUGIN_DIR=${FINCHAT_PACKAGE_PREFIX}/${FINCHAT_PLUGIN_INSTALL_DIR}
                -DOUTPUT=${page} -P ${PROJECT_SOURCE_DIR}/cmake/ManPage.cmake
            DEPENDS ${program} man/${program}.h2m ${PROJECT_SOURCE_DIR}/cmake/ManPage.cmake
            COMMENT "Manual page ${program}(1)"
            VERBATIM)
        list(APPEND _finchat_pages ${page})
        install(FILES ${page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT ${component})
    endwhile()
    add_custom_target(finchat_man_pages ALL DEPENDS ${_finchat_pages})
else()
    message(STATUS "No help2man (or a sanitizer build): no manual pages")
endif()

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_SOURCE_DIR}/CPackOptions.cmake)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SOURCE finchat)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
# Qt, QCoro's runtime needs, libsodium and OpenSSL: dpkg-shlibdeps reads them off the binaries.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_DEBUGINFO_PACKAGE ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(FINCHAT_DEB_SAME_VERSION "(= ${PROJECT_VERSION})")
# Up to 0.1.0, one package, finchat, held every part: the packages that took its files over
# replace it, so that an upgrade moves the files (and the conffiles) without a conflict.
set(FINCHAT_DEB_TAKES_OVER "finchat (<< 0.2.0)")
foreach(component SERVER BOTS STOCKBOT SDK)
    set(CPACK_DEBIAN_${component}_PACKAGE_BREAKS ${FINCHAT_DEB_TAKES_OVER})
    set(CPACK_DEBIAN_${component}_PACKAGE_REPLACES ${FINCHAT_DEB_TAKES_OVER})
endforeach()

# Qt loads the SQLite driver and the X11/Wayland platform plugins at run time, so no binary
# names them: they are listed by hand.
set(CPACK_DEBIAN_APP_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
# qt6-translations-l10n: Qt's own words in the app's dialogs (OK, Cancel) in the user's language.
set(CPACK_DEBIAN_APP_PACKAGE_RECOMMENDS
    "finchat-stockbot ${FINCHAT_DEB_SAME_VERSION}, gnome-keyring | kwalletmanager, qt6-translations-l10n")
set(CPACK_DEBIAN_APP_DESCRIPTION "desktop chat for people who talk about markets
FinChat is a self-hosted chat for people who talk about markets. This app joins
a FinChat server on the local network, or hosts one on this computer with one
click; the stock bot answers /stock=aapl.us in any room.")

set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "finchat-botrunner ${FINCHAT_DEB_SAME_VERSION}")
# libqt6sql6-psql: Qt's PostgreSQL driver, for a database on PostgreSQL instead of SQLite.
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "finchat, libqt6sql6-psql")
set(CPACK_DEBIAN_SERVER_DESCRIPTION "chat server for people who talk about markets
FinChat is a self-hosted chat for people who talk about markets. This is its
server: rooms, accounts and history in SQLite (or PostgreSQL), over WebSocket
with TLS, as a systemd service that runs as its own user. It has no graphical
dependencies.")

set(CPACK_DEBIAN_BOTS_PACKAGE_DEPENDS
    "finchat-server ${FINCHAT_DEB_SAME_VERSION}, finchat-stockbot ${FINCHAT_DEB_SAME_VERSION}")
set(CPACK_DEBIAN_BOTS_DESCRIPTION "serves FinChat bot plugins to a FinChat server
FinChat is a self-hosted chat for people who talk about markets. The bot runner
loads bot plugins in a process of its own and serves them to the server over
the network, so that a plugin that crashes never takes the server down. It
starts with finchat-server's service and serves the stock bot.")

set(CPACK_DEBIAN_STOCKBOT_PACKAGE_ENHANCES "finchat, finchat-botrunner")
set(CPACK_DEBIAN_STOCKBOT_DESCRIPTION "stock quote bot for FinChat
FinChat is a self-hosted chat for people who talk about markets. The stock bot
answers /stock=aapl.us with the quote from stooq.com and keeps watchlists and
price alerts. The bot runner serves it to a system server; the desktop app
loads it into the server it hosts.")

set(CPACK_DEBIAN_SDK_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_SDK_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_SDK_PACKAGE_DEPENDS "qt6-base-dev (>= 6.4)")
set(CPACK_DEBIAN_SDK_PACKAGE_RECOMMENDS "cmake, g++")
set(CPACK_DEBIAN_SDK_PACKAGE_SUGGESTS "finchat-botrunner")
set(CPACK_DEBIAN_SDK_DESCRIPTION "SDK for FinChat bot plugins
FinChat is a self-hosted chat for people who talk about markets. The bot SDK is
the plugin interface header and a CMake package (find_package(FinChatBotSDK));
a plugin built with it and installed with the default prefix is loaded by the
installed server and bot runner. It needs Qt Core only.")

# The configuration files are conffiles: an administrator's edits survive upgrades.
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/server/conffiles "/etc/finchat/finchat-server.ini\n")
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/botrunner/conffiles "/etc/finchat/finchat-botrunner.ini\n")
foreach(script postinst prerm postrm)
    list(APPEND CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA ${CMAKE_CURRENT_SOURCE_DIR}/deb/server/${script})
    list(APPEND CPACK_DEBIAN_BOTS_PACKAGE_CONTROL_EXTRA ${CMAKE_CURRENT_SOURCE_DIR}/deb/botrunner/${script})
endforeach()
list(APPEND CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA ${CMAKE_CURRENT_BINARY_DIR}/server/conffiles)
list(APPEND CPACK_DEBIAN_BOTS_PACKAGE_CONTROL_EXTRA ${CMAKE_CURRENT_BINARY_DIR}/botrunner/conffiles)
