# Warnings and sanitizers, applied to every FinChat target through one interface library
# so that third-party code pulled in later is not affected.
add_library(finchat_compiler_options INTERFACE)
add_library(FinChat::CompilerOptions ALIAS finchat_compiler_options)

if(MSVC)
    target_compile_options(finchat_compiler_options INTERFACE /W4 /permissive-)
    if(FINCHAT_WERROR)
        target_compile_options(finchat_compiler_options INTERFACE /WX)
    endif()
else()
    target_compile_options(finchat_compiler_options INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Woverloaded-virtual -Wformat=2)
    if(FINCHAT_WERROR)
        target_compile_options(finchat_compiler_options INTERFACE -Werror)
    endif()
endif()

if(FINCHAT_SANITIZE)
    set(_finchat_sanitizers -fsanitize=address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    target_compile_options(finchat_compiler_options INTERFACE ${_finchat_sanitizers})
    target_link_options(finchat_compiler_options INTERFACE ${_finchat_sanitizers})
endif()

if(FINCHAT_FUZZ)
    # Coverage for libFuzzer in every FinChat object; the fuzz target itself links the
    # fuzzer's main (tests/fuzz). Without -fsanitize=function: clang 14 puts that check's
    # prologue data where the split parts of a coroutine returning a value cannot reach it
    # ("Cannot represent a difference across sections" in core/chatserver.cpp).
    target_compile_options(finchat_compiler_options INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=function
        -fno-omit-frame-pointer)
    target_link_options(finchat_compiler_options INTERFACE -fsanitize=address,undefined)
endif()

# The release build, which the packages are made from, gets what Debian gives every package it
# builds, hardening=+all (on Debian 12: fortified libc calls, the stack protector, format
# string errors, read-only relocations bound at start with relro and now, PIE). Without dpkg-buildflags (not Debian),
# the toolchain's defaults stay.
if(FINCHAT_DISTRIBUTION_FLAGS)
    find_program(FINCHAT_DPKG_BUILDFLAGS dpkg-buildflags)
    if(FINCHAT_DPKG_BUILDFLAGS)
        foreach(kind CPPFLAGS CXXFLAGS LDFLAGS)
            execute_process(
                COMMAND ${CMAKE_COMMAND} -E env DEB_BUILD_MAINT_OPTIONS=hardening=+all
                    ${FINCHAT_DPKG_BUILDFLAGS} --get ${kind}
                WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                OUTPUT_VARIABLE _finchat_flags OUTPUT_STRIP_TRAILING_WHITESPACE
                COMMAND_ERROR_IS_FATAL ANY)
            separate_arguments(_finchat_${kind} UNIX_COMMAND "${_finchat_flags}")
        endforeach()
        target_compile_options(finchat_compiler_options INTERFACE ${_finchat_CPPFLAGS} ${_finchat_CXXFLAGS})
        target_link_options(finchat_compiler_options INTERFACE ${_finchat_LDFLAGS})
    else()
        message(STATUS "No dpkg-buildflags: the toolchain's default hardening flags stay")
    endif()
endif()

# Qt's strict mode: no implicit ASCII casts, so every string's encoding is a decision.
target_compile_definitions(finchat_compiler_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY QT_USE_QSTRINGBUILDER QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
